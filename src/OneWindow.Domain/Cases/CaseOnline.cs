using OneWindow.Domain.Calendar;
using OneWindow.Domain.Catalog;

namespace OneWindow.Domain.Cases;

/// <summary>
/// The online path (docs/domain.md §4.2): Draft ─submit→ Submitted ─pre-review→ Received, or Returned for correction and
/// submitted again. The legal clock starts only at receipt; the pre-review has its own limit so that a submission
/// cannot wait unseen (a supervision trigger).
/// </summary>
public sealed partial class Case
{
    /// <summary>Working days the center has to pre-review an online submission (docs/domain.md §5.1, IntakeOverdue).</summary>
    public const int PreReviewWorkingDays = 1;

    /// <summary>Drafts have no case number yet (numbers are given at submission, so that they have no gaps of abandoned drafts).</summary>
    public bool IsDraftNumber => Number.StartsWith(DraftNumberPrefix, StringComparison.Ordinal);

    /// <summary>A draft's placeholder number is this prefix and its id; case numbers start with a region code, never with it.</summary>
    public const string DraftNumberPrefix = "D";

    /// <summary>An applicant starts an application online: a draft only they see.</summary>
    public static Case StartDraft(CaseTemplate template, Applicant applicant, Actor applicantActor, Guid? receivingVenueId, string regionCode, DateTime now)
    {
        var c = NewCase("", template, applicant, CaseChannel.Online, receivingVenueId, regionCode, now);
        c.Number = DraftNumberPrefix + c.Id.ToString("N");
        c.ApplicantUserId = applicantActor.Id;
        c.Status = CaseStatus.Draft;
        c.Append(applicantActor, now, "drafted", null, CaseStatus.Draft, null, null, c.Establishing(new { item = template.Code }), applicant);
        return c;
    }

    /// <summary>The applicant saves the draft (or the returned submission) with the materials just attached; an unchanged save records nothing.</summary>
    /// <param name="form">
    /// The application form as filled in so far, with its fields (null: unchanged). A draft may leave required fields
    /// empty; what it answers must be valid. Submission asks for the rest.
    /// </param>
    public void SaveDraft(Applicant applicant, IReadOnlyList<string> materials, Actor actor, DateTime now, DeliveryChoice? delivery = null,
        FormFilled? form = null)
    {
        RequireEditableByApplicant(actor);
        materials = CaseInput.Names(materials, "files");
        var answers = form is null ? FormAnswers : ApplicationForm.Check(form.Fields, form.Answers, complete: false, ChinaTime.DateOf(now));
        var formChanged = !answers.OrderBy(a => a.Key, StringComparer.Ordinal).SequenceEqual(FormAnswers.OrderBy(a => a.Key, StringComparer.Ordinal));
        var deliveryChanged = delivery is not null && (delivery.Method != Delivery.Requested || delivery.Address != Delivery.Address);
        if (applicant == Applicant && materials.Count == 0 && !deliveryChanged && !formChanged)
        {
            return; // nothing changed: no event
        }
        Applicant = applicant;
        if (deliveryChanged)
        {
            Delivery.Requested = delivery!.Method;
            Delivery.Address = delivery.Address;
            // The record keeps the method asked for; the address, like the applicant's details, stays on the case.
            Append(actor, now, "draft-saved", Status, Status, null, null, new { materials, delivery = delivery.Method }, applicant);
        }
        else
        {
            Append(actor, now, "draft-saved", Status, Status, null, null, new { materials }, applicant);
        }
        if (formChanged)
        {
            FormAnswers = answers;
            _events[^1].SetsForm(answers);
        }
    }

    /// <summary>
    /// The applicant takes files out of the draft (or the returned submission) before submitting: removed, or about to
    /// be replaced. <paramref name="files"/> name each as “material：file name”.
    /// </summary>
    public void RemoveFiles(IReadOnlyList<string> files, Actor actor, DateTime now)
    {
        RequireEditableByApplicant(actor);
        var items = CaseInput.Names(files, "files");
        if (items.Count == 0)
        {
            throw new DomainRuleException("file.not-found", "请选择要删除的文件。", "files");
        }
        Append(actor, now, "files-removed", Status, Status, null, null, new { files = items });
    }

    /// <summary>提交: the application goes to the center, which must pre-review it within <see cref="PreReviewWorkingDays"/>.</summary>
    /// <param name="form">The application form's fields: a submission answers every required one (一表通).</param>
    public void Submit(string? assignedNumber, IReadOnlyList<string> materials, Actor actor, DateTime now, WorkingDayCalendar calendar,
        IReadOnlyList<FormField>? form = null)
    {
        RequireEditableByApplicant(actor);
        materials = CaseInput.Names(materials, "files");
        if (form is not null)
        {
            ApplicationForm.Check(form, FormAnswers.ToDictionary(a => a.Key, a => (string?)a.Value), complete: true, ChinaTime.DateOf(now));
        }
        // The result has to reach the applicant: mail needs an address (a draft may wait for it; a submission may not).
        if (Delivery.Requested == DeliveryMethod.Mail && string.IsNullOrWhiteSpace(Delivery.Address))
        {
            throw new DomainRuleException("case.delivery-address-required", "选择邮寄送达的，请填写收件地址（含收件人和电话）。", "deliveryAddress");
        }
        if (IsDraftNumber)
        {
            RequireText(assignedNumber, "case.number-required", "提交时须分配办件编号。", "number");
            Number = assignedNumber!;
        }
        var from = Status;
        MaterialsReceived = materials;
        SubmittedAt = now;
        Clocks.PreReviewDueAt = LegalClock.Due(calendar, now, PreReviewWorkingDays).DueAtUtc;
        PreReviewNote = null;
        Status = CaseStatus.Submitted;
        NextDeadlineAt = Clocks.PreReviewDueAt;
        Append(actor, now, "submitted", from, Status, null, null, new { materials, number = Number });
    }

    /// <summary>预审通过: the submission is complete in form and counts as received now; the notice period starts.</summary>
    public void PassPreReview(Actor clerk, DateTime now, WorkingDayCalendar calendar, string? opinion = null)
    {
        Authorize(CaseActionNames.PreReviewPass, clerk);
        Require(CaseStatus.Submitted, "case.not-submitted", "只有已提交、待预审的网上申请才能预审。");
        MissingMaterials = [];
        MarkReceived(now, calendar);
        Append(clerk, now, "pre-review-passed", CaseStatus.Submitted, Status, Nodes[0].Name, opinion, null);
    }

    /// <summary>预审退回: the submission goes back to the applicant with every problem listed at once.</summary>
    public void ReturnAtPreReview(IReadOnlyList<string> problems, Actor clerk, DateTime now)
    {
        Authorize(CaseActionNames.PreReviewReturn, clerk);
        Require(CaseStatus.Submitted, "case.not-submitted", "只有已提交、待预审的网上申请才能退回。");
        var items = CaseInput.Names(problems, "missing");
        if (items.Count == 0)
        {
            throw new DomainRuleException("case.missing-required", "请列出需要申请人修改或补充的全部内容。", "missing");
        }
        MissingMaterials = items;
        PreReviewNote = string.Join("；", items);
        Status = CaseStatus.ReturnedForCorrection;
        NextDeadlineAt = null;
        Append(clerk, now, "pre-review-returned", CaseStatus.Submitted, Status, Nodes[0].Name, PreReviewNote, new { problems = items });
    }

    /// <summary>Whether this person applied for the case online (and so may act on it as its applicant).</summary>
    public bool IsOwnedBy(string userId) => ApplicantUserId is not null && ApplicantUserId == userId;

    private void RequireEditableByApplicant(Actor actor)
    {
        if (!IsOwnedBy(actor.Id))
        {
            throw new DomainRuleException("case.not-owner", "只有申请人本人可以修改和提交该申请。");
        }
        if (Status is not (CaseStatus.Draft or CaseStatus.ReturnedForCorrection))
        {
            throw new DomainRuleException("case.not-editable", "申请已提交，不能再修改。");
        }
    }
}

/// <summary>The application form as an applicant filled it in: its fields (the guide's, a package's merged) and the answers given.</summary>
public sealed record FormFilled(IReadOnlyList<FormField> Fields, IReadOnlyDictionary<string, string?> Answers);
