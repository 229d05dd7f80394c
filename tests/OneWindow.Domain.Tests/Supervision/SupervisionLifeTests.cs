using OneWindow.Domain.Cases;
using OneWindow.Domain.Supervision;
using static OneWindow.Domain.Tests.Cases.CaseFixtures;

namespace OneWindow.Domain.Tests.Supervision;

/// <summary>An alert's life and a supervision notice's reply date.</summary>
public class SupervisionLifeTests
{
    private static readonly Actor Supervisor = new("u-sup", "监察 王敏", "Supervisor");
    private static readonly DateTime Monday = Bj(2026, 11, 16, 10);

    private static SupervisionAlert Alert(AlertSeverity severity = AlertSeverity.Yellow)
    {
        var c = Received(Promised(), Monday);
        return SupervisionAlert.ForCase(new AlertCandidate(SupervisionRule.PromisedOverdue, CaseSupervision.KeyOf(c.Id), Monday, "超期"), severity, c, Monday, Monday.AddDays(1));
    }

    [Fact]
    public void A_reminder_goes_to_the_handler_first_and_a_card_to_the_department()
    {
        Assert.Equal(EscalationLevel.Handler, Alert(AlertSeverity.Reminder).Level);
        Assert.Equal(EscalationLevel.Department, Alert(AlertSeverity.Yellow).Level);
        Assert.Equal(EscalationLevel.Department, Alert(AlertSeverity.Red).Level);
    }

    [Fact]
    public void An_alert_is_notified_answered_by_the_department_and_closed_by_a_supervisor()
    {
        var a = Alert();
        a.MarkNotified(3, Monday);
        a.Respond(AlertResponse.Explained, "申请人补充材料延误", Reviewer, Monday.AddHours(2));
        Assert.Null(a.EscalateAt);
        a.Close("说明属实", Supervisor, Monday.AddHours(3));

        Assert.Equal(AlertStatus.Closed, a.Status);
        Assert.Equal(["raised", "notified", "explained", "closed"], a.History.Select(h => h.Action));
    }

    [Fact]
    public void An_alert_cannot_be_closed_before_the_department_answers()
    {
        var a = Alert();
        a.MarkNotified(1, Monday);

        Assert.Equal("alert.not-responded", Assert.Throws<DomainRuleException>(() => a.Close(null, Supervisor, Monday)).Code);
    }

    [Fact]
    public void An_answer_or_a_note_longer_than_a_page_is_refused_for_its_field_and_nothing_is_cut()
    {
        var a = Alert();
        a.MarkNotified(1, Monday);
        var refused = Assert.Throws<DomainRuleException>(() => a.Respond(AlertResponse.Explained, new string('长', CaseInput.LongText + 1), Reviewer, Monday));
        Assert.Equal(("input.too-long", "text"), (refused.Code, refused.Field));
        Assert.Equal(AlertStatus.Notified, a.Status);

        a.Respond(AlertResponse.Explained, new string('长', CaseInput.LongText), Reviewer, Monday);
        Assert.Equal("note", Assert.Throws<DomainRuleException>(() => a.Close(new string('长', CaseInput.LongText + 1), Supervisor, Monday)).Field);
        Assert.Equal("note", Assert.Throws<DomainRuleException>(() => a.SendBack(new string('长', CaseInput.LongText + 1), Supervisor, Monday, null)).Field);
        Assert.Equal(AlertStatus.Responded, a.Status);
    }

    [Fact]
    public void An_answer_sent_back_must_be_given_again_and_the_ladder_runs_again()
    {
        var a = Alert();
        a.MarkNotified(1, Monday);
        a.Respond(AlertResponse.Rectified, "已办结", Reviewer, Monday.AddHours(1));
        a.SendBack("未说明超期原因", Supervisor, Monday.AddHours(2), Monday.AddDays(2));

        Assert.Equal(AlertStatus.Notified, a.Status);
        Assert.Equal(Monday.AddDays(2), a.EscalateAt);
    }

    [Fact]
    public void An_unanswered_alert_climbs_to_the_department_then_to_the_leadership_and_stops_there()
    {
        var a = Alert(AlertSeverity.Reminder);
        a.Escalate(Monday.AddDays(1), Monday.AddDays(2));
        Assert.Equal(EscalationLevel.Department, a.Level);
        a.Escalate(Monday.AddDays(2), Monday.AddDays(3));
        Assert.Equal(EscalationLevel.Leadership, a.Level);
        Assert.Null(a.EscalateAt);
        Assert.Throws<DomainRuleException>(() => a.Escalate(Monday.AddDays(3), null));
    }

    [Fact]
    public void A_notice_is_due_at_the_end_of_its_reply_day_in_working_days_and_late_after_it()
    {
        var c = Received(Promised(), Monday);
        var friday = Bj(2026, 11, 20, 15);
        var notice = SupervisionNotice.Issue("DB-2026-0001", c.DepartmentId, c.RegionCode, SupervisedSubject.Of(c), "超期未办", "请于两个工作日内办结并说明", 2, Supervisor, friday, Days);

        Assert.Equal(new DateOnly(2026, 11, 24), notice.ReplyDueDate); // Monday and Tuesday
        Assert.False(notice.IsLate(Bj(2026, 11, 25, 0).AddTicks(-1), 0, Days));
        Assert.True(notice.IsLate(Bj(2026, 11, 25, 0), 0, Days));

        notice.Answer("已办结", Reviewer, Bj(2026, 11, 24, 17));
        Assert.False(notice.RepliedLate);
        Assert.False(notice.IsLate(Bj(2026, 12, 1, 0), 0, Days));
    }

    [Fact]
    public void A_notice_about_another_departments_case_is_refused()
    {
        var c = Received(Promised(), Monday);

        var e = Assert.Throws<DomainRuleException>(() => SupervisionNotice.Issue("DB-1", Guid.NewGuid(), c.RegionCode, SupervisedSubject.Of(c), "t", "r", 2, Supervisor, Monday, Days));
        Assert.Equal("notice.department-mismatch", e.Code);
    }
}
