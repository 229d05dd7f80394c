using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// What a member of staff's kept figure counts (ADR 0043): the facts the staff's assessment (绩效考核, kind = Staff) scores,
/// each on the day the assessment has always put it on.
/// </summary>
public enum StaffMeasure
{
    /// <summary>Cases received on the day that this member of staff accepted (受理), whenever.</summary>
    Accepted,
    /// <summary>Of those, accepted within one working day of the receipt (a deemed acceptance is not prompt).</summary>
    AcceptedPromptly,
    /// <summary>Cases concluded on the day that this member of staff decided (作出决定), a part of a joint case included.</summary>
    Decided,
    /// <summary>Of those, decided by the promised due instant (or with none).</summary>
    OnTime,
    /// <summary>Their working days on the legal clock (pauses excluded), summed.</summary>
    WorkingDays,
    /// <summary>Their statutory limits with extensions (法定时限 + 延期), summed.</summary>
    StatutoryDays,
}

/// <summary>One row of a case's contribution to the staff figures: a day, a member of staff (the actor's id) and <see cref="StaffMeasure"/> values.</summary>
public sealed record StaffFigureRow(DateOnly Day, string ActorId, long[] Values)
{
    public static readonly int Count = Enum.GetValues<StaffMeasure>().Length;

    public long this[StaffMeasure m] => Values[(int)m];
}

/// <summary>
/// 人员日数据: the kept figures of one member of staff on one day, settled with the case figures by
/// <see cref="SettleCaseFigures"/> from each case and who accepted and decided it (<see cref="StaffContribution"/>).
/// The staff's assessment sums these rows over the period's days: its cost follows the staff and the days, not the cases.
/// </summary>
public sealed class DailyStaffFigure
{
    public DateOnly Day { get; init; }
    public string ActorId { get; init; } = "";
    public long Accepted { get; set; }
    public long AcceptedPromptly { get; set; }
    public long Decided { get; set; }
    public long OnTime { get; set; }
    public long WorkingDays { get; set; }
    public long StatutoryDays { get; set; }

    /// <summary>The measure columns in the order of <see cref="StaffMeasure"/>.</summary>
    public static readonly IReadOnlyList<string> MeasureColumns = [.. Enum.GetNames<StaffMeasure>()];

    public long[] Values() => [Accepted, AcceptedPromptly, Decided, OnTime, WorkingDays, StatutoryDays];

    private static readonly string[] KeyColumns = ["Day", "ActorId"];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> Statements = new();

    /// <summary>Adds each (day, actor)'s delta to its row in as few statements as <see cref="FigureRows.RowsPerStatement"/> allows; the keys in order (no deadlock between two writers).</summary>
    public static async Task AddAsync(OneWindowDbContext db, IReadOnlyList<StaffFigureRow> deltas, CancellationToken ct)
    {
        foreach (var chunk in deltas.OrderBy(d => d.Day).ThenBy(d => d.ActorId, StringComparer.Ordinal).Chunk(FigureRows.RowsPerStatement))
        {
            var statement = Statements.GetOrAdd(chunk.Length, n => FigureRows.UpsertRows("StaffFigures", KeyColumns, MeasureColumns, n));
            var parameters = new List<object>(chunk.Length * (KeyColumns.Length + StaffFigureRow.Count));
            foreach (var d in chunk)
            {
                parameters.Add(d.Day);
                parameters.Add(d.ActorId);
                parameters.AddRange(d.Values.Cast<object>());
            }
            await db.Database.ExecuteSqlRawAsync(statement, parameters, ct);
        }
    }
}

internal sealed class DailyStaffFigureConfiguration : IEntityTypeConfiguration<DailyStaffFigure>
{
    public void Configure(EntityTypeBuilder<DailyStaffFigure> b)
    {
        b.ToTable("StaffFigures");
        // A period's rows are a range of the key; the assessment groups them by actor.
        b.HasKey(f => new { f.Day, f.ActorId });
        b.Property(f => f.ActorId).HasMaxLength(100); // as the events' actor
    }
}
