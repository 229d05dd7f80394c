namespace OneWindow.Web.Modules.Notifications;

/// <summary>
/// Writes each message to the log with the number masked; stands where a government SMS gateway is configured. In
/// development a one-time code can be read from the log.
/// </summary>
public sealed class LoggingSmsGateway(ILogger<LoggingSmsGateway> logger) : ISmsGateway
{
    public Task SendAsync(SmsMessage message, CancellationToken ct)
    {
        var mobile = message.Mobile;
        var masked = mobile.Length <= 4 ? "****" : new string('*', mobile.Length - 4) + mobile[^4..];
        logger.LogInformation("SMS {Id} to {Recipient} {Mobile}: {Text}", message.Id, message.RecipientName, masked, message.Text);
        return Task.CompletedTask;
    }
}
