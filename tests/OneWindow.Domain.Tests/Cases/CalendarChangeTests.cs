using System.Text.Json;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using static OneWindow.Domain.Tests.Cases.CaseFixtures;

namespace OneWindow.Domain.Tests.Cases;

/// <summary>
/// The 2027 notice arriving while cases run on the provisional calendar (<see cref="CaseFixtures.Days"/>: 2027 has
/// its statutory holidays only). The notice here keeps them all and adds Tue 9 Feb 2027 as a bridge day after 春节.
/// </summary>
public class CalendarChangeTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static readonly WorkingDayCalendar Loaded = WorkingDayCalendar.Create(
        [.. NationalCalendar.ShippedDays, .. StatutoryHolidays.Of(2027).Select(d => d with { Source = SpecialDaySource.National }), new SpecialDay(D(2027, 2, 9), true, "春节")],
        null, [.. NationalCalendar.ShippedNoticeYears, 2027]);

    private const string Reason = "国务院办公厅关于2027年部分节假日安排的通知";

    [Fact]
    public void A_clock_running_across_the_bridge_day_moves_one_day_and_the_record_says_so()
    {
        var c = Received(Promised(5, 20), Bj(2027, 1, 25, 9));
        c.Accept(Clerk, Bj(2027, 1, 25, 10), Days);
        Assert.Equal(Bj(2027, 2, 2, 0), c.Clocks.PromisedDueAt);   // Mon 1 Feb: before the bridge day
        Assert.Equal(Bj(2027, 2, 25, 0), c.Clocks.StatutoryDueAt); // Wed 24 Feb: 26 Jan–4 Feb (8), 9–12 (12), 15–19 (17), 22–24 (20)
        var revision = c.Revision;

        var changes = c.ApplyCalendarChange(Reason, "change-1", Bj(2027, 1, 26, 9), Loaded);

        var moved = Assert.Single(changes);
        Assert.Equal(new DueDateChange(CaseClock.Statutory, null, D(2027, 2, 24), D(2027, 2, 25)), moved);
        Assert.Equal(Bj(2027, 2, 26, 0), c.Clocks.StatutoryDueAt);
        Assert.Equal(Bj(2027, 2, 2, 0), c.Clocks.PromisedDueAt);
        Assert.Equal(revision + 1, c.Revision);
        var e = c.NewEvents[^1];
        Assert.Equal("calendar-changed", e.Action);
        Assert.Equal(Reason, e.Opinion);
        Assert.Equal(CaseStatus.Accepted, e.ToStatus);
        using var data = JsonDocument.Parse(e.Data!);
        Assert.Equal("change-1", data.RootElement.GetProperty("change").GetString());
        var clock = Assert.Single(data.RootElement.GetProperty("clocks").EnumerateArray());
        Assert.Equal("2027-02-24", clock.GetProperty("from").GetString());
        Assert.Equal("2027-02-25", clock.GetProperty("to").GetString());
        Assert.True(SealAndVerify(c).IsIntact);
    }

    [Fact]
    public void A_node_clock_and_the_certificate_clock_move_too()
    {
        var c = Received(Promised(10, 20), Bj(2027, 2, 1, 9));
        c.Accept(Clerk, Bj(2027, 2, 3, 10), Days);
        // 审查 has 5 working days from Wed 3 Feb: 4, 9, 10, 11, 12 Feb; with the bridge day 15 Feb.
        var changes = c.DueDateChangesOn(Loaded, Bj(2027, 2, 3, 11));
        Assert.Contains(new DueDateChange(CaseClock.Node, "审查", D(2027, 2, 12), D(2027, 2, 15)), changes);
        Assert.Contains(changes, x => x.Clock == CaseClock.Promised);

        c.CompleteCurrentNode(Reviewer, "符合条件", Bj(2027, 2, 3, 14), Days);
        c.Decide(DecisionOutcome.Grant, null, Approver, Bj(2027, 2, 3, 16), Days);
        var promised = c.Clocks.PromisedDueAt;
        var statutory = c.Clocks.StatutoryDueAt;
        // Decided: the certificate's 10 working days (§44) from 3 Feb end on 19 Feb, with the bridge day on 22 Feb.
        var moved = c.ApplyCalendarChange(Reason, "change-1", Bj(2027, 2, 4, 9), Loaded);
        Assert.Equal([new DueDateChange(CaseClock.Certificate, null, D(2027, 2, 19), D(2027, 2, 22))], moved);
        Assert.Equal(Bj(2027, 2, 23, 0), c.NextDeadlineAt);
        // The promise and the statutory limit stopped at the decision: whether it came in time stays as it was.
        Assert.Equal(promised, c.Clocks.PromisedDueAt);
        Assert.Equal(statutory, c.Clocks.StatutoryDueAt);
    }

    [Fact]
    public void The_intake_period_and_a_special_procedure_s_declared_end_move()
    {
        var received = Received(Promised(), Bj(2027, 2, 3, 9));
        Assert.Equal([new DueDateChange(CaseClock.Intake, null, D(2027, 2, 12), D(2027, 2, 15))],
            received.ApplyCalendarChange(Reason, "change-1", Bj(2027, 2, 3, 10), Loaded));
        Assert.Equal(Bj(2027, 2, 16, 0), received.Clocks.IntakeDueAt);
        Assert.Equal(received.Clocks.IntakeDueAt, received.NextDeadlineAt);

        var suspended = Received(Promised(5, 20), Bj(2027, 1, 25, 9));
        suspended.Accept(Clerk, Bj(2027, 1, 25, 10), Days);
        suspended.Suspend("检测", 5, "送检", Reviewer, Bj(2027, 2, 3, 10), Days);
        Assert.Equal([new DueDateChange(CaseClock.ProcedureEnd, null, D(2027, 2, 12), D(2027, 2, 15))],
            suspended.ApplyCalendarChange(Reason, "change-1", Bj(2027, 2, 3, 11), Loaded));
    }

    [Fact]
    public void A_clock_that_ends_before_the_changed_day_does_not_move_and_records_nothing()
    {
        var c = Received(Promised(5, 5), Bj(2027, 1, 11, 9));
        c.Accept(Clerk, Bj(2027, 1, 11, 10), Days); // due Mon 18 Jan
        var (revision, events, next) = (c.Revision, c.NewEvents.Count, c.NextDeadlineAt);
        Assert.Empty(c.ApplyCalendarChange(Reason, "change-1", Bj(2027, 1, 20, 9), Loaded)); // later "now", same due dates
        Assert.Equal(revision, c.Revision);
        Assert.Equal(events, c.NewEvents.Count);
        Assert.Equal(next, c.NextDeadlineAt);
    }

    [Fact]
    public void A_concluded_case_keeps_its_dates_even_when_they_would_move()
    {
        var c = Received(Promised(5, 20), Bj(2027, 1, 25, 9));
        c.Accept(Clerk, Bj(2027, 1, 25, 10), Days);
        c.Withdraw("申请人撤回", Clerk, Bj(2027, 1, 26, 10));
        var events = c.NewEvents.Count;
        Assert.Empty(c.ApplyCalendarChange(Reason, "change-1", Bj(2027, 1, 27, 9), Loaded));
        Assert.Equal(events, c.NewEvents.Count);
    }

    [Fact]
    public void Asking_what_would_move_changes_nothing()
    {
        var c = Received(Promised(5, 20), Bj(2027, 1, 25, 9));
        c.Accept(Clerk, Bj(2027, 1, 25, 10), Days);
        var (statutory, revision) = (c.Clocks.StatutoryDueAt, c.Revision);
        Assert.Single(c.DueDateChangesOn(Loaded, Bj(2027, 1, 26, 9)));
        Assert.Equal(statutory, c.Clocks.StatutoryDueAt);
        Assert.Equal(revision, c.Revision);
    }

    [Fact]
    public void On_the_calendar_it_was_counted_on_no_case_in_any_state_has_anything_to_record()
    {
        // The recount repeats what the actions computed: an action never leaves a due date the calendar would not give.
        var at = Bj(2027, 1, 25, 9);
        var received = Received(Promised(5, 20), at);
        var accepted = Received(Promised(5, 20), at);
        accepted.Accept(Clerk, at.AddHours(1), Days);
        var suspended = Received(Promised(5, 20), at);
        suspended.Accept(Clerk, at.AddHours(1), Days);
        suspended.Suspend("检测", 5, "送检", Reviewer, at.AddDays(1), Days);
        var resumed = Received(Promised(5, 20), at);
        resumed.Accept(Clerk, at.AddHours(1), Days);
        resumed.Suspend("检测", 5, "送检", Reviewer, at.AddDays(1), Days);
        resumed.Resume("合格", Reviewer, at.AddDays(9), Days);
        var decided = Received(Promised(5, 20), at);
        decided.Accept(Clerk, at.AddHours(1), Days);
        decided.CompleteCurrentNode(Reviewer, "符合", at.AddDays(1), Days);
        decided.Decide(DecisionOutcome.Grant, null, Approver, at.AddDays(2), Days);
        foreach (var c in new[] { received, accepted, suspended, resumed, decided })
        {
            Assert.Empty(c.ApplyCalendarChange(Reason, "same", at.AddDays(20), Days));
        }
    }
}
