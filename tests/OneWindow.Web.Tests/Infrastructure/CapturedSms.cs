using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using OneWindow.Web.Modules.Supervision;

namespace OneWindow.Web.Tests.Infrastructure;

/// <summary>The SMS gateway of the tests: keeps every message, so a test reads a one-time code as a phone would.</summary>
public sealed partial class CapturedSms : INotificationSender
{
    private readonly ConcurrentQueue<(string? Mobile, string Text)> _sent = new();

    public IReadOnlyList<(string? Mobile, string Text)> Sent => [.. _sent];

    public Task SendAsync(string? mobile, string recipientName, string text, CancellationToken ct)
    {
        _sent.Enqueue((mobile, text));
        return Task.CompletedTask;
    }

    public IReadOnlyList<string> To(string mobile) => [.. _sent.Where(s => s.Mobile == mobile).Select(s => s.Text)];

    /// <summary>The six digits of the newest message to the phone that carries a code.</summary>
    public string LatestCode(string mobile) =>
        To(mobile).Reverse().Select(t => SixDigits().Match(t)).FirstOrDefault(m => m.Success)?.Value
        ?? throw new InvalidOperationException($"No code was sent to {mobile}; sent: {string.Join(" | ", To(mobile))}");

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}
