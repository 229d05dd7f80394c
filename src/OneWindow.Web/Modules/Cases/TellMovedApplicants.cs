using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Notifications;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// Tells the applicant of a case whose due dates a calendar change moved: an SMS written to the outbox in the unit that
/// records the move (the recount's batch, or the action that caught the case up), once per case per change
/// (<see cref="CalendarChangeEntry.SmsKey"/>), with the case's number, the item, each date the applicant holds before
/// and after, and 节假日以国务院办公厅通知为准 while they are provisional. The list entry says how the applicant was told.
/// A node's limit is the department's, not the applicant's; a part of a joint case is told through its joint case.
/// </summary>
public sealed class TellMovedApplicants(OneWindowDbContext db, Outbox outbox)
{
    public async Task StageAsync(Case c, CalendarChangeEntry entry, WorkingDayCalendar calendar, DateTime now, CancellationToken ct)
    {
        entry.ToldAt = now;
        var moves = entry.Moves.Where(m => m.Clock != nameof(CaseClock.Node) && m.From is not null && m.To is not null).ToList();
        if (c.ParentCaseId is not null || moves.Count == 0)
        {
            entry.Told = ApplicantTold.NothingToTell;
            return;
        }
        if (!IsMobile(c.Applicant.Phone))
        {
            entry.Told = ApplicantTold.NoMobile;
            return;
        }
        entry.Told = ApplicantTold.Sms;
        var key = CalendarChangeEntry.SmsKey(entry.ChangeId, entry.RecordKind, c.Id);
        // Once per case per change: a case caught up again under a change that already told it (restored from a backup)
        // is listed again, but its applicant is not told twice.
        if (!await db.OutboxMessages.AnyAsync(m => m.DedupKey == key, ct))
        {
            outbox.Sms(c.Applicant.Phone, c.Applicant.Name, Message(c.Number, c.ItemName, moves, c.HasProvisionalDueDates(calendar)), key);
        }
    }

    /// <summary>The SMS, in plain Chinese: 【一窗通】您的办件…（事项）因节假日安排调整，承诺期限由…调整为…。</summary>
    public static string Message(string number, string itemName, IReadOnlyList<DueDateMove> moves, bool provisional)
    {
        var dates = string.Join("，", moves.Select(m =>
            $"{(Enum.TryParse<CaseClock>(m.Clock, out var clock) ? CaseDueDates.ClockText(clock) : m.Clock)}由{m.From:yyyy年M月d日}调整为{m.To:yyyy年M月d日}"));
        return $"【一窗通】您的办件{number}（{itemName}）因节假日安排调整，{dates}。{(provisional ? CalendarModule.ProvisionalNote + "。" : "")}";
    }

    private static bool IsMobile(string phone) => phone.Length == 11 && phone[0] == '1' && phone.All(char.IsAsciiDigit);
}
