using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Calendar.Changes;

/// <summary>What a record's move is put down to: the change it is listed under, and the changes its record names.</summary>
/// <param name="ListUnder">The newest change reaching the record: its list shows the move, and its applicant is told under it.</param>
/// <param name="Reason">Every change reaching the record, oldest first, as its record shows them.</param>
/// <param name="Reference">Their keys, oldest first, comma-separated (the event's <c>change</c>).</param>
public sealed record Attributed(CalendarChange ListUnder, string Reason, string Reference);

/// <summary>
/// Which calendar changes a record's move is put down to. A record is counted on the calendar as it is, which holds every
/// change made so far; when changes overlap (a second is made before the recount of the first has reached a record), the
/// move is the work of all of them and cannot be split. It is listed once, under the newest change reaching the record,
/// and the record's event names every change not yet counted for it (ADR 0014): the earlier change's list shows only the
/// records it alone moved, and the newer change's recount finds the record already counted.
/// </summary>
public sealed class ChangeAttribution(IReadOnlyList<CalendarChange> changes)
{
    /// <summary>The changes not yet complete, oldest first (as the recount takes them), the upgrade's before its start left out.</summary>
    public static async Task<List<CalendarChange>> PendingAsync(OneWindowDbContext db, CancellationToken ct) =>
        await db.CalendarChanges.AsNoTracking().Where(c => c.CompletedAt == null && c.CreatedAt != StatuteUpgrade.Waiting)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(100).ToListAsync(ct);

    /// <summary>The changes, oldest first, that this attribution weighs.</summary>
    public IReadOnlyList<CalendarChange> Changes => changes;

    /// <summary>What a move of a record of <paramref name="regionCode"/> is put down to; null when no change reaches it.</summary>
    public Attributed? For(string regionCode)
    {
        var reaching = changes.Where(c => CalendarScope.Covers(c.RegionCode, regionCode)).ToList();
        if (reaching.Count == 0)
        {
            return null;
        }
        var reason = string.Join("；", reaching.Select(c => c.Description));
        return new Attributed(reaching[^1], reason.Length > 2000 ? reason[..2000] : reason, string.Join(",", reaching.Select(c => c.Id)));
    }
}
