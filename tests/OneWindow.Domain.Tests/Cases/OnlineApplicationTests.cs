using OneWindow.Domain.Cases;
using static OneWindow.Domain.Tests.Cases.CaseFixtures;

namespace OneWindow.Domain.Tests.Cases;

/// <summary>The online path: draft, submit, the center's pre-review, and the legal clock that starts only at receipt.</summary>
public class OnlineApplicationTests
{
    private static readonly Actor Citizen = new("u-citizen", "张三", "Applicant");

    private static Case Draft(DateTime at) =>
        Case.StartDraft(CaseTemplate.ForItem(Promised(5, 20)), Person, Citizen, null, "431025000000", at);

    [Fact]
    public void A_draft_has_no_number_and_is_in_no_staff_inbox()
    {
        var c = Draft(Bj(2026, 11, 20, 20));
        Assert.Equal(CaseStatus.Draft, c.Status);
        Assert.True(c.IsDraftNumber);
        Assert.False(c.Open);
        Assert.Equal(CaseChannel.Online, c.Channel);
        Assert.Null(c.NextDeadlineAt);
        Assert.True(c.IsOwnedBy("u-citizen"));
    }

    [Fact]
    public void Submission_takes_a_number_and_must_be_pre_reviewed_within_one_working_day()
    {
        var c = Draft(Bj(2026, 11, 20, 20));
        c.Submit("431025000000-20261120-00007", ["申请书"], Citizen, Bj(2026, 11, 20, 21), Days); // Friday evening
        Assert.Equal(CaseStatus.Submitted, c.Status);
        Assert.Equal("431025000000-20261120-00007", c.Number);
        Assert.Equal(Bj(2026, 11, 24, 0), c.Clocks.PreReviewDueAt); // end of Monday 23 Nov
        Assert.Equal(c.Clocks.PreReviewDueAt, c.NextDeadlineAt);
        Assert.True(c.Open);
        Assert.Null(c.ReceivedAt);
    }

    [Fact]
    public void The_notice_period_runs_from_the_pre_review_not_from_the_submission()
    {
        var c = Draft(Bj(2026, 11, 20, 20));
        c.Submit("N-1", ["申请书"], Citizen, Bj(2026, 11, 20, 21), Days);
        c.PassPreReview(Clerk, Bj(2026, 11, 23, 9), Days);
        Assert.Equal(CaseStatus.Received, c.Status);
        Assert.Equal(Bj(2026, 11, 23, 9), c.ReceivedAt);
        Assert.Equal(Bj(2026, 12, 1, 0), c.Clocks.IntakeDueAt); // 5 working days after Mon 23 Nov: Mon 30 Nov
    }

    [Fact]
    public void A_returned_submission_is_edited_and_submitted_again_under_the_same_number()
    {
        var c = Draft(Bj(2026, 11, 16, 9));
        c.Submit("N-2", [], Citizen, Bj(2026, 11, 16, 10), Days);
        var empty = Assert.Throws<DomainRuleException>(() => c.ReturnAtPreReview([" "], Clerk, Bj(2026, 11, 16, 11)));
        Assert.Equal("missing", empty.Field);
        c.ReturnAtPreReview(["申请书未签字", "身份证照片不清晰"], Clerk, Bj(2026, 11, 16, 11));
        Assert.Equal(CaseStatus.ReturnedForCorrection, c.Status);
        Assert.False(c.Open);
        Assert.Equal(["申请书未签字", "身份证照片不清晰"], c.MissingMaterials);

        c.SaveDraft(Person, ["申请书", "身份证"], Citizen, Bj(2026, 11, 17, 9));
        c.Submit(null, ["申请书", "身份证"], Citizen, Bj(2026, 11, 17, 9, 30), Days);
        Assert.Equal("N-2", c.Number);
        Assert.Equal(CaseStatus.Submitted, c.Status);
        Assert.Null(c.PreReviewNote);
    }

    [Fact]
    public void Mail_needs_an_address_to_be_submitted_and_the_choice_is_in_the_record()
    {
        var c = Draft(Bj(2026, 11, 16, 9));
        c.SaveDraft(Person, [], Citizen, Bj(2026, 11, 16, 10), DeliveryChoice.Of(DeliveryMethod.Mail, "  "));
        Assert.Equal(DeliveryMethod.Mail, c.Delivery.Requested);
        Assert.Null(c.Delivery.Address);
        var refused = Assert.Throws<DomainRuleException>(() => c.Submit("N-3", ["申请书"], Citizen, Bj(2026, 11, 16, 11), Days));
        Assert.Equal("case.delivery-address-required", refused.Code);
        Assert.Equal(CaseStatus.Draft, c.Status);
        Assert.True(c.IsDraftNumber); // nothing changed by the refusal

        c.SaveDraft(Person, [], Citizen, Bj(2026, 11, 16, 12), DeliveryChoice.Of(DeliveryMethod.Mail, " 临武县舜峰镇建设路8号 张三 "));
        Assert.Equal("临武县舜峰镇建设路8号 张三", c.Delivery.Address);
        Assert.Contains("\"delivery\":\"Mail\"", c.NewEvents[^1].Data, StringComparison.Ordinal);
        var revision = c.Revision;
        c.SaveDraft(Person, [], Citizen, Bj(2026, 11, 16, 13), DeliveryChoice.Of(DeliveryMethod.Mail, "临武县舜峰镇建设路8号 张三"));
        Assert.Equal(revision, c.Revision); // the same choice again records nothing
        c.Submit("N-3", ["申请书"], Citizen, Bj(2026, 11, 16, 14), Days);
        Assert.Equal(CaseStatus.Submitted, c.Status);
        Assert.True(SealAndVerify(c).IsIntact);

        // The method asked for is replayed from the record: a row changed behind it is caught.
        typeof(CaseDelivery).GetProperty(nameof(CaseDelivery.Requested))!.SetValue(c.Delivery, DeliveryMethod.WindowPickup);
        Assert.Contains("送达方式", CaseRecordCheck.Verify(c, c.NewEvents, Keys).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_are_taken_out_only_while_the_application_is_in_the_applicants_hands()
    {
        var c = Draft(Bj(2026, 11, 16, 9));
        c.SaveDraft(Person, ["申请书"], Citizen, Bj(2026, 11, 16, 10));
        c.RemoveFiles(["申请书：a.pdf"], Citizen, Bj(2026, 11, 16, 11));
        Assert.Equal("files-removed", c.NewEvents[^1].Action);
        Assert.Equal("file.not-found", Assert.Throws<DomainRuleException>(() => c.RemoveFiles([" "], Citizen, Bj(2026, 11, 16, 11))).Code);
        Assert.Equal("case.not-owner", Assert.Throws<DomainRuleException>(() => c.RemoveFiles(["申请书：a.pdf"], Clerk, Bj(2026, 11, 16, 11))).Code);
        c.Submit("N-4", ["申请书"], Citizen, Bj(2026, 11, 16, 12), Days);
        Assert.Equal("case.not-editable", Assert.Throws<DomainRuleException>(() => c.RemoveFiles(["申请书：b.pdf"], Citizen, Bj(2026, 11, 16, 13))).Code);
    }

    [Fact]
    public void Saving_an_unchanged_draft_records_nothing()
    {
        var c = Draft(Bj(2026, 11, 16, 9));
        var revision = c.Revision;
        c.SaveDraft(Person, [], Citizen, Bj(2026, 11, 16, 10));
        Assert.Equal(revision, c.Revision);
        c.SaveDraft(Person, ["申请书"], Citizen, Bj(2026, 11, 16, 11));
        Assert.Equal(revision + 1, c.Revision);
        Assert.Equal("draft-saved", c.NewEvents[^1].Action);
    }

    [Fact]
    public void Only_the_applicant_edits_and_only_before_submission()
    {
        var c = Draft(Bj(2026, 11, 16, 9));
        var stranger = new Actor("u-other", "李四", "Applicant");
        Assert.Equal("case.not-owner", Assert.Throws<DomainRuleException>(() => c.Submit("N-3", [], stranger, Bj(2026, 11, 16, 10), Days)).Code);
        c.Submit("N-3", [], Citizen, Bj(2026, 11, 16, 10), Days);
        Assert.Equal("case.not-editable", Assert.Throws<DomainRuleException>(() => c.SaveDraft(Person, [], Citizen, Bj(2026, 11, 16, 11))).Code);
        // A submission is pre-reviewed first: it cannot be accepted before it counts as received.
        Assert.Equal("case.not-received", Assert.Throws<DomainRuleException>(() => c.Accept(Clerk, Bj(2026, 11, 16, 11), Days)).Code);
    }

    [Fact]
    public void An_online_application_corrected_and_supplemented_by_the_applicant_is_accepted()
    {
        var c = Draft(Bj(2026, 11, 16, 9));
        c.Submit("N-4", ["申请书"], Citizen, Bj(2026, 11, 16, 10), Days);
        c.PassPreReview(Clerk, Bj(2026, 11, 16, 11), Days);
        c.RequestCorrection(["营业执照副本"], null, Clerk, Bj(2026, 11, 16, 14));
        c.Supplement(["营业执照副本"], Citizen, Bj(2026, 11, 17, 9), Days);
        c.Accept(Clerk, Bj(2026, 11, 17, 10), Days);
        Assert.Equal(CaseStatus.Accepted, c.Status);
        Assert.False(c.Clocks.DeemedAccepted);
        Assert.Equal(Bj(2026, 11, 17, 10), c.Clocks.ClockStartAt);
        Assert.True(SealAndVerify(c).IsIntact);
    }
}
