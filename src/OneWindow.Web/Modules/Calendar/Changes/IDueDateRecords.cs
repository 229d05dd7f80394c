using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Calendar.Changes;

/// <summary>
/// A kind of record whose clocks count working days: cases (and their nodes) today; work orders and disclosure
/// requests join by registering their own (<c>services.AddScoped&lt;IDueDateRecords, …&gt;()</c>). When the calendar
/// changes, <see cref="RecountDueDates"/> asks every registered kind, in turn, to count its open records again, a
/// batch at a time, each batch in one transaction under the write gate that the recount holds.
/// </summary>
public interface IDueDateRecords
{
    /// <summary>A short stable name ("case"): the change's progress and its list keep it.</summary>
    string Kind { get; }

    /// <summary>
    /// Counts the next <paramref name="limit"/> open records after <paramref name="after"/> (in the kind's key order,
    /// null: from the first) within <paramref name="change"/>'s region again, on the calendar as it is now. A record whose
    /// due dates move records the move in its own history, put down to the changes <paramref name="attribution"/> names for
    /// its region, and is saved; the moves are returned, each listed under the change <paramref name="attribution"/> names.
    /// </summary>
    Task<DueDateBatch> RecountAsync(CalendarChange change, ChangeAttribution attribution, string? after, int limit, DateTime now, CancellationToken ct);

    /// <summary>The name of one of the kind's clocks (<see cref="DueDateMove.Clock"/>), untranslated Chinese.</summary>
    string ClockName(string clock);

    /// <summary>Where a record of this kind is shown to <paramref name="audience"/>; null where that audience has no page for it.</summary>
    string? LinkTo(CalendarChangeEntry entry, ChangeListAudience audience);
}

/// <summary>What one batch did: the records counted again (fewer than asked: the kind is done), the last key, the records moved.</summary>
public sealed record DueDateBatch(int Checked, string? Last, IReadOnlyList<CalendarChangeEntry> Moved);

/// <summary>Who reads a change's list: the center's administrators (every record), or the staff of a department or venue (their slice).</summary>
public enum ChangeListAudience
{
    Center,
    Staff,
}
