using OneWindow.Web.Modules.Calendar;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Calendar.Changes;

public sealed record CalendarChangeView(Guid Id, string Description, string RegionCode, DateTime CreatedAt, string CreatedBy,
    bool Completed, DateTime? CompletedAt, int RecordsChecked, int RecordsMoved);

public sealed record MovedDueDate(string Clock, string ClockName, string? Node, DateOnly? From, DateOnly? To);

public sealed record ChangedRecordView(long Id, string Kind, string Number, string Title, string ApplicantName, string ApplicantPhone, IReadOnlyList<MovedDueDate> Moves, string Link);

public sealed record CalendarChangePage(IReadOnlyList<CalendarChangeView> Items, string? Next);

public sealed record ChangedRecordPage(CalendarChangeView Change, IReadOnlyList<ChangedRecordView> Items, long? Next);

public sealed record NoticeView(int Year, string Reference, DateTime LoadedAt, string LoadedBy);

/// <summary>
/// The calendar changes and, for each, the records whose due dates it moved: for the center to tell the applicants,
/// on the page, over the API and as a CSV file. Applicants' phones are masked as in every list.
/// </summary>
public sealed class CalendarChangeList(OneWindowDbContext db, IEnumerable<IDueDateRecords> kinds)
{
    public const int MaxLimit = 200;

    private readonly Dictionary<string, IDueDateRecords> _kinds = kinds.ToDictionary(k => k.Kind, StringComparer.Ordinal);

    public static readonly string[] CsvHeaders = ["编号", "事项", "申请人", "联系电话", "期限", "环节", "原到期日", "新到期日"];

    /// <summary>The changes, newest first, paged by key (<paramref name="after"/> is a page's <c>Next</c>).</summary>
    public async Task<CalendarChangePage> ListAsync(string? after, int? limit, CancellationToken ct)
    {
        var take = Math.Clamp(limit ?? 20, 1, MaxLimit);
        var query = db.CalendarChanges.AsNoTracking();
        if (KeysetCursor.TryParse(after, out var at, out var id))
        {
            query = query.Where(c => c.CreatedAt <= at && (c.CreatedAt < at || c.Id.CompareTo(id) < 0));
        }
        var rows = await query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(take + 1).ToListAsync(ct);
        var next = rows.Count > take ? KeysetCursor.Format(rows[take - 1].CreatedAt, rows[take - 1].Id) : null;
        var page = rows.Take(take).ToList();
        var ids = page.Select(c => c.Id).ToList();
        var moved = await db.CalendarChangeEntries.AsNoTracking().Where(e => ids.Contains(e.ChangeId))
            .GroupBy(e => e.ChangeId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new CalendarChangePage([.. page.Select(c => View(c, moved.GetValueOrDefault(c.Id)))], next);
    }

    public async Task<CalendarChangeView> GetAsync(Guid id, CancellationToken ct)
    {
        var change = await db.CalendarChanges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("该日历调整不存在。");
        return View(change, await db.CalendarChangeEntries.CountAsync(e => e.ChangeId == id, ct));
    }

    /// <summary>A change and the records it moved, in the order the recount found them, paged by key.</summary>
    public async Task<ChangedRecordPage> RecordsAsync(Guid id, long? after, int? limit, CancellationToken ct)
    {
        var change = await GetAsync(id, ct);
        var take = Math.Clamp(limit ?? 100, 1, MaxLimit);
        var rows = await db.CalendarChangeEntries.AsNoTracking().Where(e => e.ChangeId == id && e.Id > (after ?? 0))
            .OrderBy(e => e.Id).Take(take + 1).ToListAsync(ct);
        var next = rows.Count > take ? rows[take - 1].Id : (long?)null;
        return new ChangedRecordPage(change, [.. rows.Take(take).Select(ToView)], next);
    }

    /// <summary>Every moved due date of a change, one line each, for a spreadsheet or the phone list of the day.</summary>
    /// <param name="byteOrderMark">For a file a spreadsheet opens (it reads UTF-8 by the mark); not on a console.</param>
    public async Task WriteCsvAsync(Guid id, Stream output, CancellationToken ct, bool byteOrderMark = true)
    {
        await GetAsync(id, ct);
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(byteOrderMark), leaveOpen: true);
        await Csv.WriteRowAsync(writer, CsvHeaders.Select(Text.Translate));
        long? after = null;
        while (true)
        {
            var page = await RecordsAsync(id, after, MaxLimit, ct);
            foreach (var record in page.Items)
            {
                foreach (var move in record.Moves)
                {
                    await Csv.WriteRowAsync(writer, [record.Number, record.Title, record.ApplicantName, record.ApplicantPhone, move.ClockName, move.Node ?? "",
                        move.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", move.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""]);
                }
            }
            if (page.Next is null)
            {
                break;
            }
            after = page.Next;
        }
    }

    /// <summary>The years whose notices are loaded, the latest first.</summary>
    public async Task<IReadOnlyList<NoticeView>> NoticesAsync(CancellationToken ct) =>
        await db.HolidayNotices.AsNoTracking().OrderByDescending(n => n.Year).Take(200)
            .Select(n => new NoticeView(n.Year, n.Reference, n.LoadedAt, n.LoadedBy)).ToListAsync(ct);

    private ChangedRecordView ToView(CalendarChangeEntry e)
    {
        var kind = _kinds.GetValueOrDefault(e.RecordKind);
        return new ChangedRecordView(e.Id, e.RecordKind, e.Number, e.Title, e.ApplicantName, e.ApplicantPhone,
            [.. e.Moves.Select(m => new MovedDueDate(m.Clock, Text.Translate(kind?.ClockName(m.Clock) ?? m.Clock), m.Node, m.From, m.To))],
            kind?.LinkTo(e) ?? "");
    }

    private static CalendarChangeView View(CalendarChange c, int moved) =>
        new(c.Id, c.Description, c.RegionCode, c.CreatedAt, c.CreatedBy, c.CompletedAt is not null, c.CompletedAt, c.RecordsChecked, moved);
}
