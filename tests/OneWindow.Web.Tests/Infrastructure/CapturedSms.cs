using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using OneWindow.Web.Modules.Notifications;

namespace OneWindow.Web.Tests.Infrastructure;

/// <summary>
/// The SMS gateway of the tests: keeps every message, so a test reads a one-time code as a phone would. Messages reach
/// it through the app's outbox; reading first runs the outbox's dispatcher once (<see cref="Deliver"/>), so what a
/// committed request wrote has been sent by then, as a real phone would have received it a moment later.
/// </summary>
public sealed partial class CapturedSms : ISmsGateway
{
    private readonly ConcurrentQueue<SmsMessage> _sent = new();

    /// <summary>Runs the app's dispatcher once (set by the test host).</summary>
    public Func<Task>? Deliver { get; set; }

    public IReadOnlyList<(string? Mobile, string Text)> Sent
    {
        get
        {
            Drain();
            return [.. _sent.Select(m => ((string?)m.Mobile, m.Text))];
        }
    }

    public Task SendAsync(SmsMessage message, CancellationToken ct)
    {
        _sent.Enqueue(message);
        return Task.CompletedTask;
    }

    public IReadOnlyList<string> To(string mobile)
    {
        Drain();
        return [.. _sent.Where(s => s.Mobile == mobile).Select(s => s.Text)];
    }

    /// <summary>The six digits of the newest message to the phone that carries a code.</summary>
    public string LatestCode(string mobile) =>
        To(mobile).Reverse().Select(t => SixDigits().Match(t)).FirstOrDefault(m => m.Success)?.Value
        ?? throw new InvalidOperationException($"No code was sent to {mobile}; sent: {string.Join(" | ", To(mobile))}");

    private void Drain() => Deliver?.Invoke().GetAwaiter().GetResult();

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}
