using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Notifications;

/// <summary>
/// Adds messages to the unit of work in hand (they are saved, or not, with it) and, once it has committed, wakes the
/// dispatcher so they go out within moments. A message whose <c>dedupKey</c> this unit has staged already is not
/// staged twice; one saved by an earlier unit is refused by the unique index, which undoes that unit's write as a
/// duplicate (the same alert told twice is a double alert, refused the same way).
/// </summary>
public sealed class Outbox(OneWindowDbContext db, OutboxSignal signal, TimeProvider clock) : IAfterCommit
{
    private bool _staged;

    /// <summary>An SMS to a mobile number; nothing when the person has no number on file.</summary>
    public void Sms(string? mobile, string recipientName, string text, string dedupKey)
    {
        if (string.IsNullOrWhiteSpace(mobile)
            || db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == Microsoft.EntityFrameworkCore.EntityState.Added && e.Entity.DedupKey == dedupKey))
        {
            return;
        }
        _staged = true;
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage
        {
            Recipient = mobile.Trim(),
            RecipientName = recipientName.Length > 100 ? recipientName[..100] : recipientName,
            Text = text.Length > 1000 ? text[..1000] : text,
            DedupKey = dedupKey,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }

    public Task AfterCommitAsync(CancellationToken ct)
    {
        if (_staged)
        {
            _staged = false;
            signal.Wake();
        }
        return Task.CompletedTask;
    }

    public void AfterRollback() => _staged = false;
}
