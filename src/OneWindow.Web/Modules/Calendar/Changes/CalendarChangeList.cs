using OneWindow.Web.Modules.Calendar;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Notifications;

namespace OneWindow.Web.Modules.Calendar.Changes;

/// <param name="Disagreement">For a notice loaded although it disagrees with the statutory rule: the statutory holidays it
/// leaves working days, which the administrator confirmed the notice decides.</param>
public sealed record CalendarChangeView(Guid Id, string Description, string RegionCode, DateTime CreatedAt, string CreatedBy,
    bool Completed, DateTime? CompletedAt, int RecordsChecked, int RecordsMoved, string? Disagreement = null);

public sealed record MovedDueDate(string Clock, string ClockName, string? Node, DateOnly? From, DateOnly? To);

/// <param name="Link">Where the reader opens the record (a case worker: the case on the workbench); null where they have no page for it.</param>
/// <param name="Told">How the applicant is told: by SMS, or why not (null: a kind of record that tells no one).</param>
/// <param name="Sms">For an SMS, where it is in the outbox (pending, sending, sent, failed); <paramref name="SmsSentAt"/> when it went out.</param>
/// <param name="ToldText">The same in words, in the reader's language.</param>
public sealed record ChangedRecordView(long Id, string Kind, string Number, string Title, string ApplicantName, string ApplicantPhone, IReadOnlyList<MovedDueDate> Moves,
    string? Link, ApplicantTold? Told, OutboxState? Sms, DateTime? SmsSentAt, string ToldText);

public sealed record CalendarChangePage(IReadOnlyList<CalendarChangeView> Items, string? Next);

public sealed record ChangedRecordPage(CalendarChangeView Change, IReadOnlyList<ChangedRecordView> Items, long? Next);

public sealed record NoticeView(int Year, string Reference, DateTime LoadedAt, string LoadedBy);

/// <summary>A change and how many of a member of staff's records it moved.</summary>
public sealed record StaffChangeView(CalendarChangeView Change, int MovedHere);

/// <summary>
/// The calendar changes and, for each, the records whose due dates it moved: for the center, on the page, over the API
/// and as a CSV file, with how each applicant was told (an SMS through the outbox, and whether it went out); and each department's (or a comprehensive window's venue's)
/// slice for its case workers, whose links open the cases (<see cref="StaffPlace"/>). Applicants' phones are masked as
/// in every list: the case's own page shows the number to those who handle it.
/// </summary>
public sealed class CalendarChangeList(OneWindowDbContext db, IEnumerable<IDueDateRecords> kinds)
{
    public const int MaxLimit = 200;

    private readonly Dictionary<string, IDueDateRecords> _kinds = kinds.ToDictionary(k => k.Kind, StringComparer.Ordinal);

    public static readonly string[] CsvHeaders = ["编号", "事项", "申请人", "联系电话", "期限", "环节", "原到期日", "新到期日", "告知申请人"];

    /// <summary>The changes, newest first, paged by key (<paramref name="after"/> is a page's <c>Next</c>).</summary>
    public async Task<CalendarChangePage> ListAsync(string? after, int? limit, CancellationToken ct)
    {
        var take = Math.Clamp(limit ?? 20, 1, MaxLimit);
        var query = db.CalendarChanges.AsNoTracking().Where(c => c.CreatedAt != StatuteUpgrade.Waiting);
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
        var change = await db.CalendarChanges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.CreatedAt != StatuteUpgrade.Waiting, ct)
            ?? throw new NotFoundException("该日历调整不存在。");
        return View(change, await db.CalendarChangeEntries.CountAsync(e => e.ChangeId == id, ct));
    }

    /// <summary>A change and the records it moved, in the order the recount found them, paged by key.</summary>
    public async Task<ChangedRecordPage> RecordsAsync(Guid id, long? after, int? limit, CancellationToken ct) =>
        await PageAsync(await GetAsync(id, ct), db.CalendarChangeEntries.AsNoTracking().Where(e => e.ChangeId == id), ChangeListAudience.Center, after, limit, ct);

    /// <summary>The changes that moved records of <paramref name="place"/>'s slice, newest first, with how many (the latest 50).</summary>
    public async Task<IReadOnlyList<StaffChangeView>> ListForStaffAsync(StaffPlace place, CancellationToken ct)
    {
        var counts = await Slice(place).GroupBy(e => e.ChangeId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var ids = counts.Select(c => c.Key).ToList();
        var changes = await db.CalendarChanges.AsNoTracking().Where(c => ids.Contains(c.Id))
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(50).ToListAsync(ct);
        var moved = await db.CalendarChangeEntries.AsNoTracking().Where(e => ids.Contains(e.ChangeId))
            .GroupBy(e => e.ChangeId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var here = counts.ToDictionary(c => c.Key, c => c.Count);
        return [.. changes.Select(c => new StaffChangeView(View(c, moved.GetValueOrDefault(c.Id)), here[c.Id]))];
    }

    /// <summary>The records of <paramref name="place"/>'s slice that a change moved, with links that open them on the workbench.</summary>
    public async Task<ChangedRecordPage> RecordsForStaffAsync(Guid id, StaffPlace place, long? after, int? limit, CancellationToken ct) =>
        await PageAsync(await GetAsync(id, ct), Slice(place).Where(e => e.ChangeId == id), ChangeListAudience.Staff, after, limit, ct);

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
                        move.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", move.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", record.ToldText]);
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

    /// <summary>
    /// The records a member of staff handles, as <c>CaseStaff.MaySee</c> scopes cases: a department's staff those of their
    /// department; a comprehensive window's (no department) those taken in at their venue; nobody else any.
    /// </summary>
    private IQueryable<CalendarChangeEntry> Slice(StaffPlace place)
    {
        var entries = db.CalendarChangeEntries.AsNoTracking();
        return (place.DepartmentId, place.VenueId) switch
        {
            ({ } department, _) => entries.Where(e => e.DepartmentId == department),
            (null, { } venue) => entries.Where(e => e.VenueId == venue),
            _ => entries.Where(e => false),
        };
    }

    private async Task<ChangedRecordPage> PageAsync(CalendarChangeView change, IQueryable<CalendarChangeEntry> entries, ChangeListAudience audience, long? after, int? limit, CancellationToken ct)
    {
        var take = Math.Clamp(limit ?? 100, 1, MaxLimit);
        var rows = await entries.Where(e => e.Id > (after ?? 0)).OrderBy(e => e.Id).Take(take + 1).ToListAsync(ct);
        var next = rows.Count > take ? rows[take - 1].Id : (long?)null;
        rows = [.. rows.Take(take)];
        // Where each SMS is: the outbox rows of the page, by their keys (one indexed look-up for the page).
        var keys = rows.Where(e => e.Told == ApplicantTold.Sms).Select(e => CalendarChangeEntry.SmsKey(e.ChangeId, e.RecordKind, e.RecordId)).ToList();
        var sms = keys.Count == 0 ? []
            : await db.OutboxMessages.AsNoTracking().Where(m => keys.Contains(m.DedupKey))
                .Select(m => new { m.DedupKey, m.State, m.SentAt }).ToDictionaryAsync(m => m.DedupKey, m => (m.State, m.SentAt), StringComparer.Ordinal, ct);
        return new ChangedRecordPage(change, [.. rows.Select(e => ToView(e, audience,
            e.Told == ApplicantTold.Sms && sms.TryGetValue(CalendarChangeEntry.SmsKey(e.ChangeId, e.RecordKind, e.RecordId), out var m) ? m : null))], next);
    }

    private ChangedRecordView ToView(CalendarChangeEntry e, ChangeListAudience audience, (OutboxState State, DateTime? SentAt)? sms)
    {
        var kind = _kinds.GetValueOrDefault(e.RecordKind);
        return new ChangedRecordView(e.Id, e.RecordKind, e.Number, e.Title, e.ApplicantName, e.ApplicantPhone,
            [.. e.Moves.Select(m => new MovedDueDate(m.Clock, Text.Translate(kind?.ClockName(m.Clock) ?? m.Clock), m.Node, m.From, m.To))],
            kind?.LinkTo(e, audience), e.Told, sms?.State, sms?.SentAt, ToldText(e.Told, sms?.State));
    }

    /// <summary>How the applicant was told, in the reader's language: for an SMS, whether it has gone out.</summary>
    public static string ToldText(ApplicantTold? told, OutboxState? sms) => Text.Translate(told switch
    {
        ApplicantTold.Sms => sms switch
        {
            OutboxState.Sent => "已短信告知",
            OutboxState.Failed => "短信未能发出，请另行告知",
            OutboxState.Pending or OutboxState.Sending or null => "短信待发送",
        },
        ApplicantTold.NoMobile => "无手机号，请另行告知",
        ApplicantTold.NothingToTell => "仅内部时限变动，无须告知",
        ApplicantTold.ByCenter => "由中心告知",
        null => "请告知申请人",
    });

    private static CalendarChangeView View(CalendarChange c, int moved) =>
        new(c.Id, c.Description, c.RegionCode, c.CreatedAt, c.CreatedBy, c.CompletedAt is not null, c.CompletedAt, c.RecordsChecked, moved, c.Disagreement);
}
