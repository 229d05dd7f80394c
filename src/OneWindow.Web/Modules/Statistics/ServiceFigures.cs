using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// What the kept service figures count (ADR 0030): the applicants' ratings (好差评), the supervision's alerts and the
/// upheld complaints, each a flow on the Beijing day of the instant it names. They are not case moves, so they are kept
/// in a sibling table of <see cref="DailyFigure"/> at the same grain (<see cref="FigureKey"/>).
/// </summary>
public enum ServiceMeasure
{
    /// <summary>Ratings given, by level (on the rating day).</summary>
    RatedVeryDissatisfied,
    RatedDissatisfied,
    RatedFair,
    RatedSatisfied,
    RatedVerySatisfied,
    /// <summary>Of the bad ratings (不满意, 非常不满意) given that day, those not set aside on appeal (as they stand now).</summary>
    BadRatings,
    /// <summary>Of those, the ones the department has rectified (已整改).</summary>
    BadRectified,
    /// <summary>Reminders (提醒) raised that day.</summary>
    Reminders,
    /// <summary>Yellow cards (黄牌) raised that day.</summary>
    YellowCards,
    /// <summary>Red cards (红牌) raised that day.</summary>
    RedCards,
    /// <summary>Efficiency complaints concluded that day as upheld (投诉属实), under the department the complaint names (none when it names none).</summary>
    ComplaintsUpheld,
}

/// <summary>A vector of the service measures.</summary>
public sealed class ServiceValues
{
    public static readonly int Count = Enum.GetValues<ServiceMeasure>().Length;

    public ServiceValues() => Values = new long[Count];

    public ServiceValues(long[] values) => Values = values.Length == Count ? values : [.. values, .. new long[Math.Max(0, Count - values.Length)]];

    public long[] Values { get; }

    public long this[ServiceMeasure m]
    {
        get => Values[(int)m];
        set => Values[(int)m] = value;
    }

    public bool IsZero => Values.All(v => v == 0);

    public void Add(ServiceValues other, long sign = 1)
    {
        for (var i = 0; i < Count; i++)
        {
            Values[i] += sign * other.Values[i];
        }
    }

    public ServiceValues Copy() => new((long[])Values.Clone());

    public bool SameAs(ServiceValues other) => Values.AsSpan().SequenceEqual(other.Values);

    public override string ToString() => string.Join(", ", Enum.GetValues<ServiceMeasure>().Where(m => this[m] != 0).Select(m => $"{m}={this[m]}"));
}

/// <summary>
/// 统计日数据（服务）: the kept service figures of one day at one grain, maintained by <see cref="KeepServiceFigures"/>
/// whenever a rating, an alert or a complaint is saved (ADR 0030). A report sums these rows, never ratings or alerts.
/// </summary>
public sealed class DailyServiceFigure
{
    public DateOnly Day { get; init; }
    public Guid DepartmentId { get; init; }
    public string ItemCode { get; init; } = "";
    public Guid VenueId { get; init; }
    public Guid WindowId { get; init; }
    public CaseChannel Channel { get; init; }
    public string RegionCode { get; init; } = "";

    public long RatedVeryDissatisfied { get; set; }
    public long RatedDissatisfied { get; set; }
    public long RatedFair { get; set; }
    public long RatedSatisfied { get; set; }
    public long RatedVerySatisfied { get; set; }
    public long BadRatings { get; set; }
    public long BadRectified { get; set; }
    public long Reminders { get; set; }
    public long YellowCards { get; set; }
    public long RedCards { get; set; }
    public long ComplaintsUpheld { get; set; }

    public FigureKey Key => new(Day, DepartmentId, ItemCode, VenueId, WindowId, Channel, RegionCode);

    public static readonly IReadOnlyList<string> MeasureColumns = [.. Enum.GetNames<ServiceMeasure>()];

    public ServiceValues Values() => new(
    [
        RatedVeryDissatisfied, RatedDissatisfied, RatedFair, RatedSatisfied, RatedVerySatisfied, BadRatings, BadRectified,
        Reminders, YellowCards, RedCards, ComplaintsUpheld,
    ]);
}

/// <summary>
/// What a rating, an alert or a complaint adds to the kept service figures: pure functions of the record's own fields
/// (the one definition the interceptor keeps and the check recomputes). The key is the rated or supervised case's
/// (its item, venue, window, channel and venue region), with the department the record names.
/// </summary>
public static class ServiceContribution
{
    public static (DateOnly Day, ServiceValues Values) OfRating(DateTime ratedAt, RatingLevel level, RectificationStatus rectification)
    {
        var v = new ServiceValues();
        v[level switch
        {
            RatingLevel.VeryDissatisfied => ServiceMeasure.RatedVeryDissatisfied,
            RatingLevel.Dissatisfied => ServiceMeasure.RatedDissatisfied,
            RatingLevel.Fair => ServiceMeasure.RatedFair,
            RatingLevel.Satisfied => ServiceMeasure.RatedSatisfied,
            _ => ServiceMeasure.RatedVerySatisfied,
        }] = 1;
        if (level <= RatingLevel.Dissatisfied && rectification != RectificationStatus.AppealUpheld)
        {
            v[ServiceMeasure.BadRatings] = 1;
            v[ServiceMeasure.BadRectified] = rectification == RectificationStatus.Rectified ? 1 : 0;
        }
        return (ChinaTime.DateOf(ratedAt), v);
    }

    public static (DateOnly Day, ServiceValues Values) OfAlert(DateTime raisedAt, AlertSeverity severity)
    {
        var v = new ServiceValues();
        v[severity switch
        {
            AlertSeverity.Red => ServiceMeasure.RedCards,
            AlertSeverity.Yellow => ServiceMeasure.YellowCards,
            _ => ServiceMeasure.Reminders,
        }] = 1;
        return (ChinaTime.DateOf(raisedAt), v);
    }

    /// <summary>A complaint adds only once concluded as upheld, on the day of its conclusion.</summary>
    public static (DateOnly Day, ServiceValues Values)? OfComplaint(DateTime? concludedAt, bool? upheld)
    {
        if (concludedAt is not { } at || upheld != true)
        {
            return null;
        }
        var v = new ServiceValues();
        v[ServiceMeasure.ComplaintsUpheld] = 1;
        return (ChinaTime.DateOf(at), v);
    }
}

/// <summary>
/// The grain of a service figure: read from the case the record is about (its item, receiving venue and window,
/// channel, and the venue's region, as the case's own kept figures have them), with the department the record names.
/// Cases staged in the same unit (the demo history adds a case and its rating together) are found before saving.
/// </summary>
public sealed class ServiceFigureKeys(OneWindowDbContext db, VenueRegions regions)
{
    private sealed record CaseGrain(Guid Id, string Number, Guid DepartmentId, string ItemCode, Guid? VenueId, Guid? WindowId, CaseChannel Channel, string RegionCode);

    public async Task<FigureKey> OfCaseAsync(Guid? caseId, string? caseNumber, Guid? departmentId, Guid? venueId, string regionCode, CancellationToken ct)
    {
        var c = await FindAsync(caseId, caseNumber, ct);
        if (c is null)
        {
            var region = venueId is { } v ? await regions.OfVenueAsync(v, regionCode, ct) : regionCode;
            return new FigureKey(default, departmentId ?? Guid.Empty, "", venueId ?? Guid.Empty, Guid.Empty, 0, region);
        }
        var venueRegion = c.VenueId is { } venue ? await regions.OfVenueAsync(venue, c.RegionCode, ct) : c.RegionCode;
        return new FigureKey(default, departmentId ?? c.DepartmentId, c.ItemCode, c.VenueId ?? Guid.Empty, c.WindowId ?? Guid.Empty, c.Channel, venueRegion);
    }

    private async Task<CaseGrain?> FindAsync(Guid? caseId, string? caseNumber, CancellationToken ct)
    {
        if (caseId is null && string.IsNullOrEmpty(caseNumber))
        {
            return null;
        }
        foreach (var e in db.ChangeTracker.Entries<Case>())
        {
            var c = e.Entity;
            if ((caseId is { } id && c.Id == id) || (caseNumber is not null && c.Number == caseNumber))
            {
                return new CaseGrain(c.Id, c.Number, c.DepartmentId, c.ItemCode, c.ReceivingVenueId, c.ReceivingWindowId, c.Channel, c.RegionCode);
            }
        }
        var cases = db.Cases.AsNoTracking();
        cases = caseId is { } key ? cases.Where(c => c.Id == key) : cases.Where(c => c.Number == caseNumber);
        return await cases.Select(c => new CaseGrain(c.Id, c.Number, c.DepartmentId, c.ItemCode, c.ReceivingVenueId, c.ReceivingWindowId, c.Channel, c.RegionCode))
            .FirstOrDefaultAsync(ct);
    }
}

/// <summary>Adds to a kept service row in one statement, as <see cref="FigureRows"/> does for the case figures.</summary>
public static class ServiceFigureRows
{
    private static readonly string Upsert = FigureRows.UpsertInto("DailyServiceFigures", DailyServiceFigure.MeasureColumns);

    public static Task AddAsync(OneWindowDbContext db, FigureKey key, ServiceValues values, CancellationToken ct) => FigureRows.AddAsync(db, Upsert, key, values.Values, ct);
}
