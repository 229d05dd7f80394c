using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// How often one kind of try may be made by one subject before each further try waits: <see cref="FreeAttempts"/>
/// tries without waiting, then <see cref="FirstDelay"/> after the last of them, doubling with every further try up
/// to <see cref="MaxDelay"/>. The count is forgotten <see cref="Window"/> after the last counted try, so a persistent
/// guesser keeps waiting the longest delay while someone who mistyped a few times is forgotten.
/// </summary>
/// <param name="Scope">What is counted, part of the stored key: <c>signin-account</c>, <c>code-phone</c>, <c>track-case</c>.</param>
public sealed record AttemptPolicy(string Scope, int FreeAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan Window)
{
    public string Scope { get; } = Scope is { Length: > 0 and <= 40 } && !Scope.Contains(':', StringComparison.Ordinal)
        ? Scope : throw new ArgumentException("A scope is 1–40 characters without ':'.", nameof(Scope));

    public int FreeAttempts { get; } = FreeAttempts >= 1 ? FreeAttempts : throw new ArgumentOutOfRangeException(nameof(FreeAttempts), "At least one try is free.");

    public TimeSpan FirstDelay { get; } = FirstDelay > TimeSpan.Zero ? FirstDelay : throw new ArgumentOutOfRangeException(nameof(FirstDelay));

    public TimeSpan MaxDelay { get; } = MaxDelay >= FirstDelay ? MaxDelay : throw new ArgumentOutOfRangeException(nameof(MaxDelay), "The longest delay is at least the first.");

    // A block never outlasts the count it comes from.
    public TimeSpan Window { get; } = Window >= MaxDelay ? Window : throw new ArgumentOutOfRangeException(nameof(Window), "The window is at least the longest delay.");

    /// <summary>The wait after the <paramref name="count"/>-th counted try: none while tries are free.</summary>
    public TimeSpan DelayAfter(int count)
    {
        if (count < FreeAttempts)
        {
            return TimeSpan.Zero;
        }
        var doublings = Math.Min(count - FreeAttempts, 40);
        var delay = FirstDelay.TotalSeconds * Math.Pow(2, doublings);
        return delay >= MaxDelay.TotalSeconds ? MaxDelay : TimeSpan.FromSeconds(delay);
    }
}

/// <summary>
/// The answer of the limiter: whether this try may go ahead, how long the next one must wait, and (for a try that was
/// counted) the count it made, the first of a quiet window being 1.
/// </summary>
public readonly record struct AttemptVerdict(bool Allowed, TimeSpan Wait, int Count = 0)
{
    public bool Blocked => Wait > TimeSpan.Zero;
}

/// <summary>
/// One limiter for every "too many tries" rule of the platform, kept in the database (table <c>Attempts</c>) so that
/// all instances behind the proxy count together: in memory each instance would give a guesser its own budget.
/// A rule is an <see cref="AttemptPolicy"/> and a subject (an account name, a phone, a client address, a case number);
/// the subject is stored only as a hash. Two ways to use it:
/// <list type="bullet">
/// <item><b>Count failures</b> (wrong passwords from an address, a failed lookup of a case number):
/// <see cref="CheckAsync"/> before the try (refuse while <see cref="AttemptVerdict.Blocked"/>), then
/// <see cref="CountAsync"/> when it failed. Cheap for the common success, which writes nothing.</item>
/// <item><b>Take every try</b> (a password for one account, an SMS to a phone, a lookup of a case number by a secret):
/// <see cref="TryTakeAsync"/> counts the try before it is made, or refuses it; parallel requests cannot slip tries in
/// between a check and a count. A success that proves the right to go on (the account's password) may then
/// <see cref="ForgetAsync"/> the count, or give back only its own try (<see cref="GiveBackAsync"/>: a right answer to
/// a lookup that strangers may also be guessing at).</item>
/// </list>
/// A guess whose failure must be bounded is always taken first: checking first and counting after the failure lets
/// every parallel request pass the check before the first failure is written (issue 15's review).
/// Each count is a read and a write of the key's row in a <see cref="WriteUnit"/>. On SQLite both happen inside the
/// write gate, so the one process counts every try exactly once; on PostgreSQL the write is conditional on the row's
/// revision and is retried (with a short random pause) when another instance wrote first. A try that still loses
/// after <see cref="Rounds"/> rounds — dozens of parallel tries on one key, an attack — is refused as if blocked rather
/// than let through uncounted. Time comes from <see cref="TimeProvider"/>. Each call leases a context and unit of its
/// own and takes the SQLite gate itself: call it outside a unit of work that holds the gate, or the two would wait on
/// each other.
/// <example>A public lookup by a short secret, limited per case number:
/// <code>
/// static readonly AttemptPolicy Lookups = new("track-case", FreeAttempts: 5, FirstDelay: TimeSpan.FromSeconds(10),
///     MaxDelay: TimeSpan.FromMinutes(15), Window: TimeSpan.FromHours(1));
/// if (await limiter.TryTakeAsync(Lookups, number, ct) is { Allowed: false } wait) { /* 429, Retry-After: wait.Wait */ }
/// if (found) { await limiter.GiveBackAsync(Lookups, number, ct); }
/// </code></example>
/// </summary>
public sealed class AttemptLimiter(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int Rounds = 20;

    /// <summary>The stored key: the scope and the first 128 bits of the subject's SHA-256.</summary>
    public static string KeyOf(AttemptPolicy policy, string subject) =>
        policy.Scope + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject)))[..32];

    /// <summary>Whether a try may be made now; counts nothing.</summary>
    public async Task<AttemptVerdict> CheckAsync(AttemptPolicy policy, string subject, CancellationToken ct)
    {
        var key = KeyOf(policy, subject);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        var blockedUntil = await db.Attempts.AsNoTracking().Where(a => a.Key == key).Select(a => a.BlockedUntil).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return blockedUntil > now ? new(false, blockedUntil.Value - now) : new(true, TimeSpan.Zero);
    }

    /// <summary>Counts a try that failed; the verdict says how long the next one must wait.</summary>
    public Task<AttemptVerdict> CountAsync(AttemptPolicy policy, string subject, CancellationToken ct) => CountAsync(policy, subject, refuseWhileBlocked: false, ct);

    /// <summary>Counts a try about to be made, unless the subject must still wait: then it is refused and not counted.</summary>
    public Task<AttemptVerdict> TryTakeAsync(AttemptPolicy policy, string subject, CancellationToken ct) => CountAsync(policy, subject, refuseWhileBlocked: true, ct);

    /// <summary>Forgets the subject's count (a right password clears its account's count).</summary>
    public async Task ForgetAsync(AttemptPolicy policy, string subject, CancellationToken ct)
    {
        var key = KeyOf(policy, subject);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        await scope.ServiceProvider.GetRequiredService<WriteUnit>().RunAsync(t => db.Attempts.Where(a => a.Key == key).ExecuteDeleteAsync(t), ct);
    }

    /// <summary>
    /// Gives back one try taken by <see cref="TryTakeAsync"/> that turned out right (a lookup that found its case): the
    /// count goes down by one (a count back at zero is no row at all), and the wait it set goes with it when the count
    /// is back among the free tries. A stranger's wrong tries stay counted, and the right one never made anyone wait for
    /// long.
    /// </summary>
    public Task GiveBackAsync(AttemptPolicy policy, string subject, CancellationToken ct) =>
        UpdateAsync(policy, subject, (row, now) =>
        {
            if (row is null || row.Count == 0 || now >= row.ForgetAt)
            {
                return (false, new(true, TimeSpan.Zero));
            }
            row.Count--;
            if (row.Count < policy.FreeAttempts)
            {
                row.BlockedUntil = null;
            }
            return (true, new(true, row.BlockedUntil is { } until && until > now ? until - now : TimeSpan.Zero, row.Count));
        }, ct);

    private Task<AttemptVerdict> CountAsync(AttemptPolicy policy, string subject, bool refuseWhileBlocked, CancellationToken ct) =>
        UpdateAsync(policy, subject, (row, now) =>
        {
            if (refuseWhileBlocked && row?.BlockedUntil > now)
            {
                return (false, new(false, row.BlockedUntil.Value - now, row.Count));
            }
            if (now >= row!.ForgetAt)
            {
                row.Count = 0;
            }
            row.Count++;
            var wait = policy.DelayAfter(row.Count);
            row.BlockedUntil = wait > TimeSpan.Zero ? now + wait : null;
            row.ForgetAt = now + policy.Window;
            return (true, new(true, wait, row.Count));
        }, ct, addIfMissing: true);

    /// <summary>
    /// Reads the key's row and changes it in one unit (a new row when <paramref name="addIfMissing"/>); the change says
    /// whether it wrote and what to answer. A write that lost to another instance's is tried again on the new count.
    /// </summary>
    private async Task<AttemptVerdict> UpdateAsync(AttemptPolicy policy, string subject, Func<Attempt?, DateTime, (bool Write, AttemptVerdict Verdict)> change,
        CancellationToken ct, bool addIfMissing = false)
    {
        var key = KeyOf(policy, subject);
        for (var round = 1; round <= Rounds; round++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            var unit = scope.ServiceProvider.GetRequiredService<WriteUnit>();
            try
            {
                return await unit.RunAsync(async t =>
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    var row = await db.Attempts.FirstOrDefaultAsync(a => a.Key == key, t);
                    var added = false;
                    if (row is null && addIfMissing)
                    {
                        row = new Attempt { Key = key, ForgetAt = now };
                        db.Attempts.Add(row);
                        added = true;
                    }
                    var (write, verdict) = change(row, now);
                    if (!write)
                    {
                        db.ChangeTracker.Clear(); // nothing to save: a refused try is not counted
                        return verdict;
                    }
                    if (row!.Count == 0)
                    {
                        // Back to nothing (a right answer gave the only try back): no row, so that a right answer
                        // leaves the table as it found it.
                        db.Attempts.Remove(row);
                        return verdict;
                    }
                    row.Revision++;
                    if (added)
                    {
                        // A new key is the moment to clear out the forgotten ones, so that the table holds only live counts.
                        await db.Attempts.Where(a => a.ForgetAt < now).ExecuteDeleteAsync(t);
                    }
                    return verdict;
                }, ct);
            }
            catch (DbUpdateException)
            {
                // Another instance counted this key between our read and our write (a changed revision, or the same new
                // key inserted twice): read its count again and count on top of it.
                await Task.Delay(TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(1, 5 * round)), clock, ct);
            }
        }
        return new(false, policy.FirstDelay);
    }
}
