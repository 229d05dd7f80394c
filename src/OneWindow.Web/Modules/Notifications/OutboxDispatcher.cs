using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Notifications;

/// <summary>What one dispatch did.</summary>
public sealed record DispatchResult(int Sent, int Retried, int Failed, int Recovered);

/// <summary>
/// Sends the outbox's messages through the SMS gateway, oldest first, after their write committed. A message is first
/// claimed (its state set to Sending under a claim token and a lease, by a conditional update, so two instances never
/// claim one message), then sent, then marked Sent. A gateway that is sure nothing went out leaves the message for a
/// later try, doubling the wait each time, up to <see cref="MaxAttempts"/>; then it fails. A message found still Sending
/// after its lease — its dispatcher stopped — goes back to the queue if it was never handed to the gateway; one that
/// was handed over may or may not have gone out: it is marked failed, never sent again, so nobody is told twice
/// (ADR 0019). Runs every <c>Notifications:DispatchSeconds</c> (2) and whenever a unit of work commits messages on this
/// instance.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider clock, IConfiguration configuration,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public const int BatchSize = 20;
    public const int MaxAttempts = 6;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);

    /// <summary>One round: the stale claims recovered, then batches of due messages sent until none is due.</summary>
    public async Task<DispatchResult> DispatchOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        var unit = scope.ServiceProvider.GetRequiredService<WriteUnit>();
        var gateway = scope.ServiceProvider.GetRequiredService<ISmsGateway>();
        var now = clock.GetUtcNow().UtcDateTime;
        var (requeued, recovered) = await unit.RunAsync(async token => (
            await db.OutboxMessages.Where(m => m.State == OutboxState.Sending && m.LeaseUntil < now && m.HandedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Pending).SetProperty(m => m.ClaimToken, (Guid?)null), token),
            await db.OutboxMessages.Where(m => m.State == OutboxState.Sending && m.LeaseUntil < now && m.HandedAt != null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Failed)
                    .SetProperty(m => m.LastError, "发送中断，无法确认是否已发出；为免重复，不再重发"), token)), ct);
        if (recovered > 0)
        {
            logger.LogError("{Count} messages were at the gateway when their dispatcher stopped; marked failed, not sent again", recovered);
        }
        if (requeued > 0)
        {
            logger.LogWarning("{Count} messages claimed by a dispatcher that stopped before sending them go back to the queue", requeued);
        }
        var (sent, retried, failed) = (0, 0, 0);
        while (true)
        {
            var claimed = await ClaimAsync(db, unit, ct);
            foreach (var message in claimed.Messages)
            {
                if (!await HandOverAsync(db, unit, message.Id, claimed.Token, ct))
                {
                    continue; // the claim was lost (its lease ran out): another dispatcher has it now
                }
                switch (await SendAsync(gateway, message, ct))
                {
                    case null:
                        await MarkAsync(db, unit, message.Id, claimed.Token, OutboxState.Sent, null, null, ct);
                        sent++;
                        break;
                    case SmsNotSentException refused when message.Attempts < MaxAttempts:
                        var wait = FirstRetry * Math.Pow(2, message.Attempts - 1);
                        await MarkAsync(db, unit, message.Id, claimed.Token, OutboxState.Pending, clock.GetUtcNow().UtcDateTime + wait, refused.Message, ct);
                        retried++;
                        break;
                    case var error:
                        await MarkAsync(db, unit, message.Id, claimed.Token, OutboxState.Failed, null, error.Message, ct);
                        logger.LogError(error, "SMS {Id} failed after {Attempts} tries", message.Id, message.Attempts);
                        failed++;
                        break;
                }
            }
            if (claimed.Messages.Count < BatchSize)
            {
                break;
            }
        }
        return new DispatchResult(sent, retried, failed, recovered);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Notifications:DispatchSeconds", 2);
        if (seconds <= 0)
        {
            return;
        }
        var tick = TimeSpan.FromSeconds(seconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchOnceAsync(stoppingToken);
                await signal.WaitAsync(tick, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The outbox dispatch failed; it runs again at the next tick");
                await Task.Delay(tick, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private sealed record Claim(Guid Token, IReadOnlyList<OutboxMessage> Messages);

    /// <summary>Claims up to a batch of due messages for this dispatcher: a conditional update under a fresh token, then the rows it won.</summary>
    private async Task<Claim> ClaimAsync(OneWindowDbContext db, WriteUnit unit, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0)
        {
            return new Claim(Guid.Empty, []);
        }
        var token = Guid.NewGuid();
        var lease = now + Lease;
        await unit.RunAsync(t => db.OutboxMessages.Where(m => due.Contains(m.Id) && m.State == OutboxState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Sending).SetProperty(m => m.ClaimToken, token)
                .SetProperty(m => m.LeaseUntil, lease).SetProperty(m => m.Attempts, m => m.Attempts + 1), t), ct);
        var mine = await db.OutboxMessages.AsNoTracking().Where(m => m.ClaimToken == token && m.State == OutboxState.Sending)
            .OrderBy(m => m.Id).ToListAsync(ct);
        return new Claim(token, mine);
    }

    /// <summary>Notes that the message is being handed to the gateway now, if this dispatcher still holds it.</summary>
    private async Task<bool> HandOverAsync(OneWindowDbContext db, WriteUnit unit, long id, Guid token, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await unit.RunAsync(t => db.OutboxMessages.Where(m => m.Id == id && m.ClaimToken == token && m.State == OutboxState.Sending && m.LeaseUntil > now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.HandedAt, now), t), ct) == 1;
    }

    /// <returns>Null when the gateway took the message; else what it threw.</returns>
    private static async Task<Exception?> SendAsync(ISmsGateway gateway, OutboxMessage message, CancellationToken ct)
    {
        try
        {
            await gateway.SendAsync(new SmsMessage(message.Id, message.Recipient, message.RecipientName, message.Text), ct);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return e;
        }
    }

    private Task MarkAsync(OneWindowDbContext db, WriteUnit unit, long id, Guid token, OutboxState state, DateTime? nextAttemptAt, string? error,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var note = error is { Length: > 400 } ? error[..400] : error;
        var message = db.OutboxMessages.Where(m => m.Id == id && m.ClaimToken == token && m.State == OutboxState.Sending);
        return unit.RunAsync(t => state switch
        {
            OutboxState.Sent => message.ExecuteUpdateAsync(s => s.SetProperty(m => m.State, state).SetProperty(m => m.SentAt, now), t),
            OutboxState.Pending => message.ExecuteUpdateAsync(s => s.SetProperty(m => m.State, state).SetProperty(m => m.NextAttemptAt, nextAttemptAt ?? now)
                .SetProperty(m => m.LastError, note).SetProperty(m => m.HandedAt, (DateTime?)null), t),
            OutboxState.Sending or OutboxState.Failed => message.ExecuteUpdateAsync(s => s.SetProperty(m => m.State, state).SetProperty(m => m.LastError, note), t),
        }, ct);
    }
}
