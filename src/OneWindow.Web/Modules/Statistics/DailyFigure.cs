using OneWindow.Domain.Cases;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// Where and when a kept figure belongs: the Beijing day, the department that handles the case, the item (by code, the
/// same across versions), the venue and window that took it in (<see cref="Guid.Empty"/> for none: online), the
/// channel, and the region of the venue (town or village code; the case's county when no venue).
/// </summary>
public sealed record FigureKey(DateOnly Day, Guid DepartmentId, string ItemCode, Guid VenueId, Guid WindowId, CaseChannel Channel, string RegionCode);

/// <summary>
/// The grain of a kept case-figure row after its day (<see cref="FigureKey"/> without the day): what a report's breakdown
/// groups by. Not a table of its own: each row type maps these columns.
/// </summary>
public abstract class FigureGrainRow
{
    public Guid DepartmentId { get; init; }
    public string ItemCode { get; init; } = "";
    public Guid VenueId { get; init; }
    public Guid WindowId { get; init; }
    public CaseChannel Channel { get; init; }
    public string RegionCode { get; init; } = "";

    /// <summary>The grain with <paramref name="day"/> as its day.</summary>
    public FigureKey KeyOn(DateOnly day) => new(day, DepartmentId, ItemCode, VenueId, WindowId, Channel, RegionCode);
}

/// <summary>
/// The grain and the measures every kept case-figure row carries, whatever its span: a day (<see cref="DailyFigure"/>)
/// or a month or year (<see cref="PeriodFigure"/>, ADR 0038).
/// </summary>
public abstract class KeptFigureRow : FigureGrainRow
{
    public long Received { get; set; }
    public long Instant { get; set; }
    public long Corrected { get; set; }
    public long Accepted { get; set; }
    public long RejectedAtIntake { get; set; }
    public long Withdrawn { get; set; }
    public long Terminated { get; set; }
    public long Concluded { get; set; }
    public long Decided { get; set; }
    public long OnTime { get; set; }
    public long Early { get; set; }
    public long OverduePromised { get; set; }
    public long OverdueStatutory { get; set; }
    public long OverdueWorkingDays { get; set; }
    public long WorkingDays { get; set; }
    public long PromisedDays { get; set; }
    public long StatutoryDays { get; set; }
    public long Closed { get; set; }
    public long Paid { get; set; }
    public long FeeFen { get; set; }
    public long AcceptedPromptly { get; set; }
    public long ExtensionDays { get; set; }
    public long ZeroVisit { get; set; }
    public long AtMostOneVisit { get; set; }

    /// <summary>The measure columns in the order of <see cref="Measure"/> (the upsert and the check read them by name).</summary>
    public static readonly IReadOnlyList<string> MeasureColumns = [.. Enum.GetNames<Measure>()];

    public MeasureValues Values() => new(
    [
        Received, Instant, Corrected, Accepted, RejectedAtIntake, Withdrawn, Terminated, Concluded, Decided, OnTime, Early,
        OverduePromised, OverdueStatutory, OverdueWorkingDays, WorkingDays, PromisedDays, StatutoryDays, Closed, Paid, FeeFen,
        AcceptedPromptly, ExtensionDays, ZeroVisit, AtMostOneVisit,
    ]);

    protected void Set(MeasureValues v)
    {
        Received = v[Measure.Received]; Instant = v[Measure.Instant]; Corrected = v[Measure.Corrected]; Accepted = v[Measure.Accepted];
        RejectedAtIntake = v[Measure.RejectedAtIntake]; Withdrawn = v[Measure.Withdrawn]; Terminated = v[Measure.Terminated];
        Concluded = v[Measure.Concluded]; Decided = v[Measure.Decided]; OnTime = v[Measure.OnTime]; Early = v[Measure.Early];
        OverduePromised = v[Measure.OverduePromised]; OverdueStatutory = v[Measure.OverdueStatutory];
        OverdueWorkingDays = v[Measure.OverdueWorkingDays]; WorkingDays = v[Measure.WorkingDays]; PromisedDays = v[Measure.PromisedDays];
        StatutoryDays = v[Measure.StatutoryDays]; Closed = v[Measure.Closed]; Paid = v[Measure.Paid]; FeeFen = v[Measure.FeeFen];
        AcceptedPromptly = v[Measure.AcceptedPromptly]; ExtensionDays = v[Measure.ExtensionDays]; ZeroVisit = v[Measure.ZeroVisit]; AtMostOneVisit = v[Measure.AtMostOneVisit];
    }
}

/// <summary>
/// 统计日数据: the kept figures of one day at one grain (<see cref="FigureKey"/>), settled by
/// <see cref="SettleCaseFigures"/> a moment after every case move (ADR 0024, 0042). A report sums these rows, never cases;
/// for the whole months and years of a period it sums the <see cref="PeriodFigure"/> rows kept with them (ADR 0038).
/// </summary>
public sealed class DailyFigure : KeptFigureRow
{
    public DateOnly Day { get; init; }

    public FigureKey Key => KeyOn(Day);

    public static DailyFigure Of(FigureKey key, MeasureValues v)
    {
        var f = new DailyFigure
        {
            Day = key.Day, DepartmentId = key.DepartmentId, ItemCode = key.ItemCode, VenueId = key.VenueId, WindowId = key.WindowId,
            Channel = key.Channel, RegionCode = key.RegionCode,
        };
        f.Set(v);
        return f;
    }
}

/// <summary>
/// What one case has added to the kept figures, as of its last move: the hook subtracts it and adds the new one, so a
/// move corrects whatever days the case's figures change on (a supplement moving its receipt, a recount moving its due date).
/// </summary>
public sealed class CaseFigureState
{
    public Guid CaseId { get; init; }
    /// <summary>The case's rows: key and measure values (JSON).</summary>
    public IReadOnlyList<CaseFigureRow> Rows { get; set; } = [];
    /// <summary>The case's rows of the staff figures (who accepted and who decided it, ADR 0043; JSON).</summary>
    public IReadOnlyList<StaffFigureRow> StaffRows { get; set; } = [];
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One row of a case's contribution.</summary>
public sealed record CaseFigureRow(FigureKey Key, long[] Values);
