namespace OneWindow.Web.Modules.Notifications;

public enum OutboxState
{
    Pending = 1,  // waiting for the dispatcher (again, after a failure the gateway was sure of)
    Sending = 2,  // claimed by a dispatcher until its lease ends
    Sent = 3,
    Failed = 4,   // given up: too many refusals, or the outcome of a send is unknown (a dispatcher stopped in the middle)
}

/// <summary>
/// A message to go out (today an SMS), written in the same transaction as what it tells of, so that a message is sent
/// only for what was saved and nothing saved goes untold when the process stops between the commit and the send.
/// <see cref="DedupKey"/> is unique: the same notice to the same person for the same thing is written once.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; init; }
    public string Channel { get; init; } = "sms";
    public required string Recipient { get; init; }
    public required string RecipientName { get; init; }
    public required string Text { get; init; }
    public required string DedupKey { get; init; }
    public DateTime CreatedAt { get; init; }
    public OutboxState State { get; set; } = OutboxState.Pending;
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LeaseUntil { get; set; }
    /// <summary>The claim of the dispatcher that is sending it (a fresh id per claim).</summary>
    public Guid? ClaimToken { get; set; }
    /// <summary>When the claiming dispatcher handed it to the gateway: from then on its outcome is unknown until marked.</summary>
    public DateTime? HandedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}
