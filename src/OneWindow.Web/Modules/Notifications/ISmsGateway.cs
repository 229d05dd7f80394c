namespace OneWindow.Web.Modules.Notifications;

/// <summary>One text message to one mobile phone. <see cref="Id"/> is the outbox message's id: a gateway that keeps it can drop a repeat.</summary>
public sealed record SmsMessage(long Id, string Mobile, string RecipientName, string Text);

/// <summary>
/// The SMS gateway seam (短信平台): every province runs its own, so a deployment registers its client here; the
/// shipped one writes to the log. Messages reach it only from the outbox's dispatcher, after their write committed.
/// A gateway throws <see cref="SmsNotSentException"/> when it is sure nothing was sent (refused, unreachable before
/// sending): the message is tried again later. Any other failure leaves the outcome unknown, and the message is marked
/// failed rather than sent twice.
/// </summary>
public interface ISmsGateway
{
    Task SendAsync(SmsMessage message, CancellationToken ct);
}

/// <summary>The gateway is sure the message did not go out: it may be tried again.</summary>
public sealed class SmsNotSentException(string message, Exception? inner = null) : Exception(message, inner);
