using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>A kept service row that differs from what the ratings, alerts and complaints say.</summary>
public sealed record ServiceFigureDifference(FigureKey Key, ServiceValues Kept, ServiceValues Counted);

public sealed record ServiceFigureCheck(DateOnly From, DateOnly To, int RecordsRead, int RowsCompared, IReadOnlyList<ServiceFigureDifference> Differences, bool Repaired)
{
    public bool Agrees => Differences.Count == 0;
}

/// <summary>
/// Recounts the kept service figures of a period from the ratings given, the alerts raised and the complaints concluded
/// in it (<see cref="ServiceContribution"/>, the interceptor's own definition) and compares them row by row; with
/// <c>repair</c>, adds the difference to each row that differs (ADR 0030). Part of the <c>check-figures</c> command.
/// Reads the period's records in keyset batches, with the cases they are about in one query per batch.
/// </summary>
public sealed class CheckServiceFigures(OneWindowDbContext db, WriteUnit unit)
{
    private const int Batch = 1000;

    private sealed record Grain(Guid Id, string Number, Guid DepartmentId, string ItemCode, Guid? VenueId, Guid? WindowId, CaseChannel Channel, string RegionCode);

    public async Task<ServiceFigureCheck> RunAsync(DateOnly from, DateOnly to, bool repair, CancellationToken ct)
    {
        var (start, end) = (ChinaTime.StartOfDayUtc(from), ChinaTime.StartOfDayUtc(to.AddDays(1)));
        var venues = await db.Venues.AsNoTracking().Select(v => new { v.Id, v.RegionCode }).ToDictionaryAsync(v => v.Id, v => v.RegionCode, ct);
        var counted = new Dictionary<FigureKey, ServiceValues>();
        var read = 0;

        FigureKey KeyOf(Grain? c, Guid? departmentId, Guid? venueId, string regionCode) => c is null
            ? new FigureKey(default, departmentId ?? Guid.Empty, "", venueId ?? Guid.Empty, Guid.Empty, 0,
                venueId is { } v ? venues.GetValueOrDefault(v, regionCode) : regionCode)
            : new FigureKey(default, departmentId ?? c.DepartmentId, c.ItemCode, c.VenueId ?? Guid.Empty, c.WindowId ?? Guid.Empty, c.Channel,
                c.VenueId is { } cv ? venues.GetValueOrDefault(cv, c.RegionCode) : c.RegionCode);
        void Count(FigureKey key, (DateOnly Day, ServiceValues Values)? contribution)
        {
            if (contribution is not { } x)
            {
                return;
            }
            var k = key with { Day = x.Day };
            if (!counted.TryGetValue(k, out var sum))
            {
                counted[k] = sum = new ServiceValues();
            }
            sum.Add(x.Values);
        }

        Guid? after = null;
        while (true)
        {
            var q = db.Ratings.AsNoTracking().Where(r => r.RatedAt >= start && r.RatedAt < end);
            if (after is { } a) q = q.Where(r => r.Id.CompareTo(a) > 0);
            var batch = await q.OrderBy(r => r.Id).Take(Batch).Select(r => new { r.Id, r.CaseId, r.DepartmentId, r.RatedAt, r.Level, r.Rectification }).ToListAsync(ct);
            if (batch.Count == 0) break;
            after = batch[^1].Id;
            read += batch.Count;
            var ids = batch.Select(r => r.CaseId).Distinct().ToList();
            var cases = await Grains(db.Cases.Where(c => ids.Contains(c.Id))).ToDictionaryAsync(c => c.Id, ct);
            foreach (var r in batch)
            {
                Count(KeyOf(cases.GetValueOrDefault(r.CaseId), r.DepartmentId, null, ""), ServiceContribution.OfRating(r.RatedAt, r.Level, r.Rectification));
            }
        }
        after = null;
        while (true)
        {
            var q = db.SupervisionAlerts.AsNoTracking().Where(x => x.RaisedAt >= start && x.RaisedAt < end);
            if (after is { } a) q = q.Where(x => x.Id.CompareTo(a) > 0);
            var batch = await q.OrderBy(x => x.Id).Take(Batch)
                .Select(x => new { x.Id, x.SubjectKind, x.SubjectId, x.DepartmentId, x.VenueId, x.RegionCode, x.RaisedAt, x.Severity }).ToListAsync(ct);
            if (batch.Count == 0) break;
            after = batch[^1].Id;
            read += batch.Count;
            var ids = batch.Where(x => x.SubjectKind == SubjectKind.Case && x.SubjectId != null).Select(x => x.SubjectId!.Value).Distinct().ToList();
            var cases = await Grains(db.Cases.Where(c => ids.Contains(c.Id))).ToDictionaryAsync(c => c.Id, ct);
            foreach (var x in batch)
            {
                var c = x.SubjectKind == SubjectKind.Case && x.SubjectId is { } id ? cases.GetValueOrDefault(id) : null;
                Count(KeyOf(c, x.DepartmentId, x.VenueId, x.RegionCode), ServiceContribution.OfAlert(x.RaisedAt, x.Severity));
            }
        }
        after = null;
        while (true)
        {
            var q = db.EfficiencyComplaints.AsNoTracking().Where(x => x.ConcludedAt >= start && x.ConcludedAt < end && x.Upheld == true);
            if (after is { } a) q = q.Where(x => x.Id.CompareTo(a) > 0);
            var batch = await q.OrderBy(x => x.Id).Take(Batch).Select(x => new { x.Id, x.CaseNumber, x.DepartmentId, x.RegionCode, x.ConcludedAt, x.Upheld }).ToListAsync(ct);
            if (batch.Count == 0) break;
            after = batch[^1].Id;
            read += batch.Count;
            var numbers = batch.Where(x => x.CaseNumber != null).Select(x => x.CaseNumber!).Distinct().ToList();
            var cases = (await Grains(db.Cases.Where(c => numbers.Contains(c.Number))).ToListAsync(ct)).GroupBy(c => c.Number).ToDictionary(g => g.Key, g => g.First());
            foreach (var x in batch)
            {
                Count(KeyOf(x.CaseNumber is { } n ? cases.GetValueOrDefault(n) : null, x.DepartmentId ?? Guid.Empty, null, x.RegionCode), ServiceContribution.OfComplaint(x.ConcludedAt, x.Upheld));
            }
        }

        var kept = (await db.Set<DailyServiceFigure>().AsNoTracking().Where(f => f.Day >= from && f.Day <= to).ToListAsync(ct)).ToDictionary(f => f.Key, f => f.Values());
        var differences = new List<ServiceFigureDifference>();
        foreach (var k in kept.Keys.Union(counted.Keys))
        {
            var keptValues = kept.GetValueOrDefault(k) ?? new ServiceValues();
            var countedValues = counted.GetValueOrDefault(k) ?? new ServiceValues();
            if (!keptValues.SameAs(countedValues))
            {
                differences.Add(new ServiceFigureDifference(k, keptValues, countedValues));
            }
        }
        differences.Sort((a, b) => a.Key.Day.CompareTo(b.Key.Day));
        if (repair && differences.Count > 0)
        {
            await unit.RunAsync(async t =>
            {
                foreach (var d in differences)
                {
                    var delta = d.Counted.Copy();
                    delta.Add(d.Kept, -1);
                    await ServiceFigureRows.AddAsync(db, d.Key, delta, t);
                }
            }, ct);
        }
        return new ServiceFigureCheck(from, to, read, kept.Count, differences, repair && differences.Count > 0);
    }

    private static IQueryable<Grain> Grains(IQueryable<Case> cases) => cases.AsNoTracking()
        .Select(c => new Grain(c.Id, c.Number, c.DepartmentId, c.ItemCode, c.ReceivingVenueId, c.ReceivingWindowId, c.Channel, c.RegionCode));
}
