using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>
/// The configured rule settings (a few hundred rows at most: one per rule and scope), the same for a whole unit of
/// work and kept for a few seconds per process (<see cref="RuleBookCache"/>), and the escalation delay. Settings
/// change rarely and take effect from the next action or sweep (on another instance, within seconds).
/// </summary>
public sealed class SupervisionSettings(OneWindowDbContext db, IConfiguration configuration, RuleBookCache cache)
{
    /// <summary>A bound on the rows read, far above any real configuration (12 rules × scopes).</summary>
    public const int MaxSettings = 5000;

    private RuleBook? _book;

    // Read whenever the kept book is older than its ten seconds, on any path: compiled once.
    private static readonly Func<OneWindowDbContext, IAsyncEnumerable<SupervisionRuleSetting>> Settings = EF.CompileAsyncQuery(
        (OneWindowDbContext db) => db.SupervisionRuleSettings.AsNoTracking().OrderBy(s => s.Id).Take(MaxSettings));

    public async Task<RuleBook> RuleBookAsync(CancellationToken ct)
    {
        if (_book is null && cache.Fresh() is { } kept)
        {
            _book = kept;
        }
        if (_book is null)
        {
            var (generation, readAt) = (cache.Generation, System.Diagnostics.Stopwatch.GetTimestamp());
            var rows = await Settings(db).ToListAsync(ct);
            _book = new RuleBook([.. rows.Select(r => r.ToOverride())]);
            cache.Keep(_book, generation, readAt);
        }
        return _book;
    }

    /// <summary>Working days an alert waits for an answer before it climbs one rung (docs/domain.md §5.3, the ladder).</summary>
    public int EscalateAfterWorkingDays => Math.Clamp(configuration.GetValue("Supervision:EscalateAfterWorkingDays", 1), 1, 30);

    public DateTime EscalateAt(DateTime now, WorkingDayCalendar calendar) => LegalClock.Due(calendar, now, EscalateAfterWorkingDays).DueAtUtc!.Value;
}
