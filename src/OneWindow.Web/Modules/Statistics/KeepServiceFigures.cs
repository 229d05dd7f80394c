using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// Keeps the service figures (ratings, alerts, upheld complaints) in the transaction of every save that adds or changes
/// one (ADR 0030): whoever writes them (the ratings' use cases, the supervision sweep, a certificate report, the
/// complaint desk, the demo history) saves through the context, so the figures follow without each writer knowing.
/// Before the save, each staged record's contribution is computed from its current and its original values (a rating
/// rectified or set aside on appeal moves from one to the other); after a successful save the difference is added to
/// the kept rows; a failed save adds nothing.
/// </summary>
public sealed class KeepServiceFigures(VenueRegionCache venueRegions, TimeProvider clock) : KeptRowsInterceptor<FigureKey, ServiceValues>
{
    protected override Task AddAsync(OneWindowDbContext db, FigureKey key, ServiceValues values, CancellationToken ct) =>
        ServiceFigureRows.AddAsync(db, key, values, ct);

    protected override async Task<List<(FigureKey Key, ServiceValues Values)>> DeltasAsync(OneWindowDbContext db, CancellationToken ct)
    {
        var deltas = new Dictionary<FigureKey, ServiceValues>();
        ServiceFigureKeys? keys = null;
        async Task Add(Func<ServiceFigureKeys, Task<FigureKey>> key, (DateOnly Day, ServiceValues Values)? now, (DateOnly Day, ServiceValues Values)? before)
        {
            var change = new List<(DateOnly Day, ServiceValues Values, long Sign)>();
            if (now is { } n) change.Add((n.Day, n.Values, 1));
            if (before is { } b) change.Add((b.Day, b.Values, -1));
            if (now is { } x && before is { } y && x.Day == y.Day && x.Values.SameAs(y.Values))
            {
                return;
            }
            if (change.Count == 0)
            {
                return;
            }
            var grain = await key(keys ??= new ServiceFigureKeys(db, new VenueRegions(db, venueRegions, clock)));
            foreach (var (day, values, sign) in change)
            {
                var k = grain with { Day = day };
                if (!deltas.TryGetValue(k, out var sum))
                {
                    deltas[k] = sum = new ServiceValues();
                }
                sum.Add(values, sign);
            }
        }

        // The save detects every change right after this; here only these three kinds are looked at, each entry on its
        // own (a whole-context DetectChanges here would double the cost of every save with many tracked entities).
        var tracker = db.ChangeTracker;
        var auto = tracker.AutoDetectChangesEnabled;
        List<EntityEntry<Rating>> ratings;
        List<EntityEntry<SupervisionAlert>> alerts;
        List<EntityEntry<EfficiencyComplaint>> complaints;
        try
        {
            tracker.AutoDetectChangesEnabled = false;
            ratings = Staged(tracker.Entries<Rating>());
            alerts = Staged(tracker.Entries<SupervisionAlert>());
            complaints = Staged(tracker.Entries<EfficiencyComplaint>());
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = auto;
        }
        foreach (var e in ratings)
        {
            var r = e.Entity;
            await Add(k => k.OfCaseAsync(r.CaseId, null, r.DepartmentId, null, "", ct),
                e.State == EntityState.Deleted ? null : ServiceContribution.OfRating(r.RatedAt, r.Level, r.Rectification),
                e.State == EntityState.Added ? null : ServiceContribution.OfRating(Original<DateTime>(e, nameof(Rating.RatedAt)), Original<RatingLevel>(e, nameof(Rating.Level)), Original<RectificationStatus>(e, nameof(Rating.Rectification))));
        }
        foreach (var e in alerts)
        {
            var a = e.Entity;
            await Add(k => k.OfCaseAsync(a.SubjectKind == SubjectKind.Case ? a.SubjectId : null, null, a.DepartmentId, a.VenueId, a.RegionCode, ct),
                e.State == EntityState.Deleted ? null : ServiceContribution.OfAlert(a.RaisedAt, a.Severity),
                e.State == EntityState.Added ? null : ServiceContribution.OfAlert(Original<DateTime>(e, nameof(SupervisionAlert.RaisedAt)), Original<AlertSeverity>(e, nameof(SupervisionAlert.Severity))));
        }
        foreach (var e in complaints)
        {
            var c = e.Entity;
            await Add(k => k.OfCaseAsync(null, c.CaseNumber, c.DepartmentId ?? Guid.Empty, null, c.RegionCode, ct),
                e.State == EntityState.Deleted ? null : ServiceContribution.OfComplaint(c.ConcludedAt, c.Upheld),
                e.State == EntityState.Added ? null : ServiceContribution.OfComplaint(Original<DateTime?>(e, nameof(EfficiencyComplaint.ConcludedAt)), Original<bool?>(e, nameof(EfficiencyComplaint.Upheld))));
        }
        return [.. deltas.Where(d => !d.Value.IsZero).Select(d => (d.Key, d.Value))];
    }

    private static List<EntityEntry<T>> Staged<T>(IEnumerable<EntityEntry<T>> entries) where T : class
    {
        var staged = new List<EntityEntry<T>>();
        foreach (var e in entries)
        {
            if (e.State == EntityState.Unchanged)
            {
                e.DetectChanges(); // a loaded record changed by its methods
            }
            if (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                staged.Add(e);
            }
        }
        return staged;
    }

    private static T Original<T>(EntityEntry e, string property) => (T)e.Property(property).OriginalValue!;
}
