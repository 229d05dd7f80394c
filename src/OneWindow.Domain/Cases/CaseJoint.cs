using OneWindow.Domain.Calendar;
using OneWindow.Domain.Catalog;

namespace OneWindow.Domain.Cases;

/// <summary>A joint case's view of one part: enough to show the applicant every department's progress and decision.</summary>
public sealed record JointPart(Guid CaseId, string Number, string ItemCode, string ItemName, Guid DepartmentId, CaseStatus Status,
    DecisionOutcome? Decision, string? DecisionReason, DateTime? DecidedAt, IReadOnlyList<ClockPause> Pauses)
{
    /// <summary>The number of the part's own result (its licence, record or written decision), given when the joint case issues.</summary>
    public string? ResultNumber { get; init; }
}

/// <summary>
/// 一件事 / 并联审批: a joint case is received and accepted once at one window; on acceptance it fans out into one
/// part per member item, each handled by its department in parallel with its own nodes and clocks. The joint case
/// is decided when every part is decided, collects the fees once, and issues and delivers everything once.
/// Its clock is the package's promise or the joint limit of 45 working days (行政许可法 §42), extendable once by 15;
/// a special procedure in any part stops it (§45), as the parts' results are needed together.
/// </summary>
public sealed partial class Case
{
    /// <summary>The default extension: 10 working days, 15 for joint handling (§42).</summary>
    public int DefaultExtension => IsJoint ? CombinedItem.JointExtensionDays : DefaultExtensionDays;

    public bool IsPart => ParentCaseId is not null;

    /// <summary>The item versions pinned to the case: its own, or for a joint case every member's.</summary>
    public IReadOnlyList<Guid> PinnedVersionIds => IsJoint ? PartVersionIds : [ItemVersionId];

    /// <summary>Creates the parts when the joint case has been accepted: each starts at its first handling node.</summary>
    public IReadOnlyList<Case> FanOut(IReadOnlyList<ServiceItemVersion> memberVersions, DateTime now, WorkingDayCalendar calendar)
    {
        if (!IsJoint || Status != CaseStatus.Accepted || Parts.Count > 0)
        {
            throw new DomainRuleException("case.not-fannable", "只有已受理、尚未分发的一件事才能分发到各部门。");
        }
        var byId = memberVersions.ToDictionary(v => v.Id);
        if (PartVersionIds.Any(id => !byId.ContainsKey(id)))
        {
            throw new DomainRuleException("case.part-version-missing", "一件事所含事项的版本缺失，无法分发。");
        }
        var parts = new List<Case>();
        foreach (var (versionId, index) in PartVersionIds.Select((id, i) => (id, i)))
        {
            // The part asks for its materials under the names the package did, so that it holds what the joint window received.
            var template = CaseTemplate.ForItem(byId[versionId]) with { Fees = [], RequiredMaterials = CaseTemplate.RequiredOfPart(byId[versionId].Guide) };
            var part = NewCase($"{Number}-{index + 1:D2}", template, Applicant, Channel, ReceivingVenueId, RegionCode, now);
            part.ParentCaseId = Id;
            part.ReceivingWindowId = ReceivingWindowId;
            part.ApplicantUserId = ApplicantUserId;
            part.SubmittedAt = SubmittedAt;
            part.ReceivedAt = ReceivedAt;
            // The part was handed in with the joint case: it holds those of the package's materials its item asks for.
            part.MaterialsReceived = [.. MaterialsReceived.Intersect(part.RequiredMaterials, StringComparer.Ordinal)];
            part.Clocks.IntakeDueAt = Clocks.IntakeDueAt;
            part.AcceptedAt = AcceptedAt;
            part.Clocks.ClockStartAt = Clocks.ClockStartAt;
            part.Clocks.DeemedAccepted = Clocks.DeemedAccepted;
            part.CompleteNode(0, Actor.System, AcceptedAt ?? now, $"一件事 {Number} 一窗受理");
            part.StartNode(1, now, calendar);
            part.Status = CaseStatus.Accepted;
            part.Recompute(now, calendar);
            part.Append(Actor.System, now, "part-created", null, CaseStatus.Accepted, part.Nodes[0].Name, null,
                part.Establishing(new { joint = Number, number = part.Number, applicantUser = ApplicantUserId, clockStartAt = Clocks.ClockStartAt, deemed = Clocks.DeemedAccepted }), Applicant);
            // The part keeps the answers to its own item's questions, asked once on the package's form.
            part.SetForm(ApplicationForm.For(byId[versionId].Guide, FormAnswers));
            parts.Add(part);
        }
        Parts = [.. parts.Select(Summarize)];
        Append(Actor.System, now, "fanned-out", Status, Status, CurrentNode?.Name, null, new { parts = parts.Select(p => p.Number) });
        return parts;
    }

    /// <summary>
    /// A part moved: the joint case records it, recomputes its clock (a part's special procedure stops it) and is
    /// decided when every part is decided — granted, denied, or partly granted with the denied parts' reasons.
    /// </summary>
    public void RecordPart(Case part, DateTime now, WorkingDayCalendar calendar)
    {
        if (part.ParentCaseId != Id)
        {
            throw new DomainRuleException("case.not-a-part", "该案件不是本一件事的子件。");
        }
        var index = Parts.ToList().FindIndex(p => p.CaseId == part.Id);
        var before = Parts[index];
        var after = Summarize(part);
        if (before.Status == after.Status && before.Decision == after.Decision && before.Pauses.Count == after.Pauses.Count
            && before.Pauses.All(p => after.Pauses.Contains(p)))
        {
            return;
        }
        var parts = Parts.ToList();
        parts[index] = after;
        Parts = parts;
        if (Status is CaseStatus.Accepted)
        {
            Recompute(now, calendar);
        }
        Append(Actor.System, now, "part-updated", Status, Status, CurrentNode?.Name, null, new { part = part.Number, status = part.Status, decision = part.Decision.Outcome });
        if (Status is CaseStatus.Accepted && Parts.All(p => p.Decision is not null))
        {
            DecideFromParts(now, calendar);
        }
    }

    private void DecideFromParts(DateTime now, WorkingDayCalendar calendar)
    {
        var granted = Parts.Count(p => p.Decision == DecisionOutcome.Grant);
        var outcome = granted == Parts.Count ? DecisionOutcome.Grant : granted == 0 ? DecisionOutcome.Deny : DecisionOutcome.PartlyGranted;
        var denied = Parts.Where(p => p.Decision == DecisionOutcome.Deny).Select(p => $"{p.ItemName}：{p.DecisionReason}").ToList();
        var node = Nodes[CurrentNodeIndex].Name;
        CompleteNode(CurrentNodeIndex, Actor.System, now, denied.Count == 0 ? "各部门均准予" : string.Join("；", denied));
        StartNode(CurrentNodeIndex + 1, now, calendar);
        Decision.Outcome = outcome;
        Decision.Reason = denied.Count == 0 ? null : string.Join("；", denied);
        Decision.DecidedAt = now;
        Status = CaseStatus.Decided;
        Recompute(now, calendar);
        Append(Actor.System, now, "decided", CaseStatus.Accepted, Status, node, Decision.Reason, new { outcome, parts = Parts.Select(p => new { p.Number, p.Decision }) });
    }

    /// <summary>The joint case was issued, delivered, withdrawn or terminated: the part follows it.</summary>
    public void FollowJoint(Case joint, DateTime now, WorkingDayCalendar calendar)
    {
        if (ParentCaseId != joint.Id)
        {
            throw new DomainRuleException("case.not-a-part", "该案件不是本一件事的子件。");
        }
        var index = joint.Parts.ToList().FindIndex(p => p.CaseId == Id);
        switch (joint.Status)
        {
            case CaseStatus.ResultIssued when Status == CaseStatus.Decided:
                IssueResultCore(joint.Parts[index].ResultNumber ?? "", Actor.System, now, calendar);
                break;
            case CaseStatus.Concluded when Status == CaseStatus.ResultIssued:
                DeliverCore(joint.Delivery.Method ?? Cases.DeliveryMethod.WindowPickup, joint.Delivery.Reference, Actor.System, now);
                break;
            case CaseStatus.Withdrawn or CaseStatus.Terminated when IsOpen && Status != CaseStatus.ResultIssued:
                CloseCore(joint.Status, joint.Status == CaseStatus.Withdrawn ? "withdrawn" : "terminated", $"随一件事 {joint.Number}：{joint.ClosingReason}", Actor.System, now);
                break;
        }
    }

    private static JointPart Summarize(Case part) =>
        new(part.Id, part.Number, part.ItemCode, part.ItemName, part.DepartmentId, part.Status, part.Decision.Outcome, part.Decision.Reason, part.Decision.DecidedAt, part.Clocks.Pauses)
        {
            ResultNumber = part.Decision.ResultNumber,
        };

    /// <summary>
    /// 统一出件 of a joint case: each department's result keeps its own number (the business licence's, the seal
    /// record's…), given for every part, all different; the joint case's own number names the bundle handed over.
    /// </summary>
    private IReadOnlyDictionary<string, string> NumberParts(IReadOnlyDictionary<string, string>? partResultNumbers)
    {
        var given = (partResultNumbers ?? new Dictionary<string, string>()).ToDictionary(p => p.Key.Trim(), p => p.Value?.Trim() ?? "", StringComparer.Ordinal);
        var missing = Parts.Where(p => !given.TryGetValue(p.Number, out var n) || n.Length == 0).Select(p => $"{p.Number}（{p.ItemName}）").ToList();
        if (missing.Count > 0)
        {
            throw new DomainRuleException("case.part-result-number-required", $"请填写每个子件各自的证照或文书编号：{string.Join("、", missing)}。", "partResultNumbers");
        }
        var numbers = Parts.ToDictionary(p => p.Number, p => given[p.Number], StringComparer.Ordinal);
        foreach (var n in numbers.Values)
        {
            CaseInput.CheckLength(n, "partResultNumbers", CaseInput.ShortText);
        }
        if (numbers.Values.Distinct(StringComparer.Ordinal).Count() != numbers.Count)
        {
            throw new DomainRuleException("case.part-result-number-duplicate", "各子件的证照或文书编号不能相同。", "partResultNumbers");
        }
        Parts = [.. Parts.Select(p => p with { ResultNumber = numbers[p.Number] })];
        return numbers;
    }

    private void RequireNotPart(string what)
    {
        if (IsPart)
        {
            throw new DomainRuleException("case.part-of-joint", $"该案件是一件事的子件，{what}须在一件事上办理。");
        }
    }

    private void RequireNotJoint()
    {
        if (IsJoint)
        {
            throw new DomainRuleException("case.joint-acts-by-parts", "一件事由各部门子件并联办理，请在子件上办理。");
        }
    }

    /// <summary>The periods the clock does not run: the case's own pauses and, for a joint case, its parts'.</summary>
    private List<ExcludedPeriod> Excluded() => [.. Clocks.Pauses.Concat(Parts.SelectMany(p => p.Pauses)).Select(p => p.ToExcluded())];

    private bool IsClockStopped => Status == CaseStatus.Suspended || (IsJoint && Status == CaseStatus.Accepted && Parts.Any(p => p.Pauses.Any(x => x.EndAt is null)));
}
