using OneWindow.Domain.Cases;
using OneWindow.Domain.Supervision;
using static OneWindow.Domain.Tests.Cases.CaseFixtures;

namespace OneWindow.Domain.Tests.Supervision;

/// <summary>
/// Supervision of any subject (docs/domain.md §5.6): alerts and notices name the subject they are about by kind, id and
/// number; a finding's key lies within its subject; the time rules' bookkeeping is the same for every kind.
/// </summary>
public class SupervisedSubjectTests
{
    private static readonly Actor Supervisor = new("u-sup", "监察 王敏", "Supervisor");
    private static readonly DateTime Monday = Bj(2026, 11, 16, 10);

    // A kind the product does not have, as a module still to come would add one.
    private static readonly SubjectKind Ticket = (SubjectKind)99;

    private static SupervisedSubject TicketSubject(Guid? id = null) =>
        new(Ticket, id ?? Guid.CreateVersion7(Monday), "GD-2026-0001", "路灯不亮", Guid.CreateVersion7(Monday), null, "431025000000");

    [Fact]
    public void A_case_is_a_subject_of_kind_case_with_its_number_item_department_venue_and_region()
    {
        var c = Received(Promised(), Monday);

        var s = SupervisedSubject.Of(c);

        Assert.Equal((SubjectKind.Case, c.Id, c.Number, c.ItemName, c.DepartmentId, c.ReceivingVenueId, c.RegionCode),
            (s.Kind, s.Id, s.Number, s.Title, s.DepartmentId, s.VenueId, s.RegionCode));
    }

    [Fact]
    public void A_findings_key_begins_with_its_subjects_kind_and_id_so_the_keys_of_cases_are_as_before()
    {
        var id = Guid.Parse("0193a7b2-0000-7000-8000-000000000001");

        Assert.Equal("case/0193a7b2000070008000000000000001", SupervisedSubject.KeyOf(SubjectKind.Case, id));
        Assert.Equal($"case/{id:N}/node/2", CaseSupervision.KeyOf(id, "node/2"));
        Assert.Equal($"99/{id:N}/reply", TicketSubject(id).Key("reply")); // a kind without a name is keyed by its number
    }

    [Fact]
    public void A_subject_owns_its_own_key_and_the_keys_within_it_only()
    {
        var subject = TicketSubject();

        Assert.True(subject.Owns(subject.Key()));
        Assert.True(subject.Owns(subject.Key("node/1")));
        Assert.False(subject.Owns(subject.Key() + "x"));
        Assert.False(subject.Owns(SupervisedSubject.KeyOf(SubjectKind.Case, subject.Id)));
        Assert.False(subject.Owns(TicketSubject().Key()));
    }

    [Fact]
    public void The_timed_bookkeeping_raises_a_missed_deadline_and_otherwise_says_when_to_look_again_for_any_kind()
    {
        var subject = TicketSubject();
        var due = Bj(2026, 11, 18, 0);

        var before = new TimedFindings(subject, due.AddTicks(-1));
        before.Watch(SupervisionRule.PromisedOverdue, null, due, null, "届满");
        before.Watch(SupervisionRule.NodeOverdue, "step/1", due.AddDays(2), null, "环节届满");
        Assert.Empty(before.Result.Due);
        Assert.Equal(due, before.Result.NextCheckAt);

        var after = new TimedFindings(subject, due);
        after.Watch(SupervisionRule.PromisedOverdue, null, due, null, "届满");
        var found = Assert.Single(after.Result.Due);
        Assert.Equal((SupervisionRule.PromisedOverdue, subject.Key(), due), (found.Rule, found.Key, found.TriggeredAt));
        Assert.Null(after.Result.NextCheckAt);

        // Stopped in time: nothing due, nothing more to watch. Stopped late: due, even looked at long after.
        var onTime = new TimedFindings(subject, due.AddDays(9));
        onTime.Watch(SupervisionRule.PromisedOverdue, null, due, due.AddTicks(-1), "届满");
        Assert.Equal((0, (DateTime?)null), (onTime.Result.Due.Count, onTime.Result.NextCheckAt));
        var late = new TimedFindings(subject, due.AddDays(9));
        late.Watch(SupervisionRule.PromisedOverdue, null, due, due.AddHours(1), "届满");
        Assert.Single(late.Result.Due);
    }

    [Fact]
    public void An_alert_about_a_subject_carries_its_kind_id_number_and_title_and_the_subjects_department_venue_and_region()
    {
        var subject = TicketSubject() with { VenueId = Guid.CreateVersion7(Monday) };

        var a = SupervisionAlert.About(subject, new AlertCandidate(SupervisionRule.PromisedOverdue, subject.Key(), Monday, "超期"), AlertSeverity.Yellow,
            "u-h", "经办 张", Monday, Monday.AddDays(1));

        Assert.Equal(subject, a.Subject);
        Assert.Equal((Ticket, subject.Id, "GD-2026-0001", "路灯不亮"), (a.SubjectKind, a.SubjectId, a.SubjectNumber, a.SubjectTitle));
        Assert.Equal((subject.DepartmentId, subject.VenueId, subject.RegionCode), (a.DepartmentId, a.VenueId, a.RegionCode));
        Assert.Equal(("u-h", "经办 张"), (a.HandlerId, a.HandlerName));
        Assert.Equal((EscalationLevel.Department, AlertStatus.Raised), (a.Level, a.Status));
        // Not a case: the case's own fields stay empty.
        Assert.Equal((null, null, null), (a.CaseId, a.CaseNumber, a.ItemName));
    }

    [Fact]
    public void An_alert_about_a_case_shows_its_case_id_number_and_item_as_before()
    {
        var c = Received(Promised(), Monday);

        var a = SupervisionAlert.ForCase(new AlertCandidate(SupervisionRule.PromisedOverdue, CaseSupervision.KeyOf(c.Id), Monday, "超期"), AlertSeverity.Yellow, c, Monday, null);

        Assert.Equal((SubjectKind.Case, (Guid?)c.Id, c.Number, c.ItemName), (a.SubjectKind!.Value, a.CaseId, a.CaseNumber, a.ItemName));
        Assert.Equal(c.Id, a.SubjectId);
    }

    [Fact]
    public void A_finding_about_another_subject_cannot_be_raised_as_this_subjects_alert()
    {
        var c = Received(Promised(), Monday);
        var other = Received(Promised(), Monday);

        Assert.Throws<ArgumentException>(() => SupervisionAlert.ForCase(
            new AlertCandidate(SupervisionRule.PromisedOverdue, CaseSupervision.KeyOf(other.Id), Monday, "超期"), AlertSeverity.Yellow, c, Monday, null));
    }

    [Fact]
    public void A_notice_about_a_subject_keeps_its_kind_id_and_number_and_its_red_card_is_about_the_same_subject()
    {
        var subject = TicketSubject();

        var notice = SupervisionNotice.Issue("DB-2026-0002", subject.DepartmentId, subject.RegionCode, subject, "超期未办", "请说明", 2, Supervisor, Monday, Days);
        var red = SupervisionAlert.ForNotice(notice, AlertSeverity.Red, notice.ReplyDueAt, notice.ReplyDueAt, null);

        Assert.Equal((Ticket, subject.Id, subject.Number), (notice.SubjectKind!.Value, notice.SubjectId!.Value, notice.SubjectNumber));
        Assert.Equal((null, null), (notice.CaseId, notice.CaseNumber));
        Assert.Equal((Ticket, subject.Id, subject.Number, notice.Id), (red.SubjectKind!.Value, red.SubjectId!.Value, red.SubjectNumber, red.NoticeId!.Value));
        Assert.Equal($"notice/{notice.Id:N}", red.Key);
    }

    [Fact]
    public void A_notice_about_a_matter_of_the_department_and_a_certificates_red_card_are_about_no_subject()
    {
        var department = Guid.CreateVersion7(Monday);
        var notice = SupervisionNotice.Issue("DB-2026-0003", department, "431025000000", null, "作风问题", "请整改", 2, Supervisor, Monday, Days);
        var certificate = IssuedCertificate.Report("证-1", "431025-MZ-004", department, "431025000000", "张三", Monday, "431025-20261116-00009", "clerk", Monday);

        var red = SupervisionAlert.ForCertificate(certificate.Check(null)!, AlertSeverity.Red, certificate, Monday, null);

        Assert.Equal((null, null, null), (notice.SubjectKind, notice.SubjectId, notice.SubjectNumber));
        Assert.Null(red.Subject);
        Assert.Null(red.SubjectNumber);
        Assert.Contains("431025-20261116-00009", red.Detail, StringComparison.Ordinal); // the case number the department named
        Assert.Equal(department, red.DepartmentId);
    }
}
