using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Operations;

/// <summary>
/// The one attempt limiter: free tries, then delays doubling to a ceiling, forgotten after a quiet window; kept in the
/// database, so that two instances count together and parallel tries cannot slip past the count.
/// </summary>
public sealed class AttemptLimiterTests : IDisposable
{
    private static readonly AttemptPolicy Policy = new("test-guess", FreeAttempts: 3, FirstDelay: TimeSpan.FromSeconds(10), MaxDelay: TimeSpan.FromSeconds(60), Window: TimeSpan.FromMinutes(10));
    private readonly OneWindowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private AttemptLimiter Limiter(OneWindowFactory? app = null)
    {
        using var _ = (app ?? _app).Anonymous(); // builds the host
        return (app ?? _app).Services.GetRequiredService<AttemptLimiter>();
    }

    [Fact]
    public void A_policy_doubles_its_delay_after_the_free_tries_up_to_its_ceiling()
    {
        Assert.Equal([0, 0, 10, 20, 40, 60, 60], Enumerable.Range(1, 7).Select(n => Policy.DelayAfter(n).TotalSeconds));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AttemptPolicy("x", 0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AttemptPolicy("x", 1, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1)));
        Assert.Throws<ArgumentException>(() => new AttemptPolicy("a:b", 1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Failures_bring_growing_waits_that_a_quiet_window_forgets()
    {
        var limiter = Limiter();
        var waits = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            waits.Add((await limiter.CountAsync(Policy, "13800000000", default)).Wait.TotalSeconds);
        }
        Assert.Equal([0, 0, 10], waits);
        var check = await limiter.CheckAsync(Policy, "13800000000", default);
        Assert.False(check.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(10), check.Wait);
        Assert.True((await limiter.CheckAsync(Policy, "13800000001", default)).Allowed); // another subject is not affected

        _app.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True((await limiter.CheckAsync(Policy, "13800000000", default)).Allowed);
        Assert.Equal(TimeSpan.FromSeconds(20), (await limiter.CountAsync(Policy, "13800000000", default)).Wait);

        _app.Clock.Advance(Policy.Window);
        Assert.Equal(TimeSpan.Zero, (await limiter.CountAsync(Policy, "13800000000", default)).Wait); // forgotten: the first free try again
    }

    [Fact]
    public async Task Taking_a_try_while_blocked_is_refused_and_not_counted_and_forgetting_clears_the_count()
    {
        var limiter = Limiter();
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await limiter.TryTakeAsync(Policy, "account-a", default)).Allowed);
        }
        var refused = await limiter.TryTakeAsync(Policy, "account-a", default);
        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(10), refused.Wait);
        _app.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(20), (await limiter.TryTakeAsync(Policy, "account-a", default)).Wait); // the refused try was not counted

        await limiter.ForgetAsync(Policy, "account-a", default);
        Assert.Equal(TimeSpan.Zero, (await limiter.TryTakeAsync(Policy, "account-a", default)).Wait);
    }

    [Fact]
    public async Task Keys_hold_no_subject_in_clear_and_forgotten_counts_are_cleared_away()
    {
        var limiter = Limiter();
        await limiter.CountAsync(Policy, "192.0.2.7", default);
        _app.Clock.Advance(Policy.Window + TimeSpan.FromSeconds(1));
        await limiter.CountAsync(Policy, "192.0.2.8", default); // a new key clears the forgotten ones
        var db = _app.NewDbContext(out var scope);
        using (scope)
        {
            var key = Assert.Single(await db.Attempts.AsNoTracking().Select(a => a.Key).ToListAsync());
            Assert.Equal(AttemptLimiter.KeyOf(Policy, "192.0.2.8"), key);
            Assert.StartsWith("test-guess:", key, StringComparison.Ordinal);
            Assert.DoesNotContain("192.0.2", key, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Two_instances_taking_tries_in_parallel_let_exactly_the_free_tries_through()
    {
        using var second = OneWindowFactory.SharingDatabaseOf(_app);
        var limiters = new[] { Limiter(), Limiter(second) };
        var tries = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() => limiters[i % 2].TryTakeAsync(Policy, "one-account", default))));
        Assert.Equal(Policy.FreeAttempts, tries.Count(t => t.Allowed));
        var db = _app.NewDbContext(out var scope);
        using (scope)
        {
            Assert.Equal(Policy.FreeAttempts, (await db.Attempts.AsNoTracking().SingleAsync()).Count);
        }
    }
}
