using OneWindow.Domain.Calendar;

namespace OneWindow.Domain.Cases;

public sealed partial class Case
{
    /// <summary>
    /// The node at which the decision is made: the last node acted by an approver, else the last node acted by
    /// a reviewer, else the last node. Nodes after it (制证, 送达) are closed by issuing and delivering the result.
    /// </summary>
    public int DecisionNodeIndex
    {
        get
        {
            if (IsJoint)
            {
                return 1; // 并联审批: decided from the parts
            }
            var approver = LastIndex(n => n.ActingRole == StaffRoles.Approver);
            var reviewer = LastIndex(n => n.ActingRole == StaffRoles.Reviewer);
            return Math.Max(1, approver >= 0 ? approver : reviewer >= 0 ? reviewer : Nodes.Count - 1);
        }
    }

    public CaseNode? CurrentNode => CurrentNodeIndex < Nodes.Count ? Nodes[CurrentNodeIndex] : null;

    /// <summary>Completes the current process node with an opinion (承办, 审核…) and opens the next one.</summary>
    public void CompleteCurrentNode(Actor actor, string opinion, DateTime now, WorkingDayCalendar calendar)
    {
        RequireNotJoint();
        Authorize(CaseActionNames.CompleteNode, actor);
        Require(CaseStatus.Accepted, "case.not-in-process", "只有办理中的案件才能提交环节意见。");
        RequireText(opinion, "case.opinion-required", "请填写办理意见。", "opinion");
        if (CurrentNodeIndex >= DecisionNodeIndex)
        {
            throw new DomainRuleException("case.decision-node", "当前环节是审批决定环节，请作出准予或不予的决定。");
        }
        var node = Nodes[CurrentNodeIndex].Name;
        CompleteNode(CurrentNodeIndex, actor, now, opinion);
        StartNode(CurrentNodeIndex + 1, now, calendar);
        Recompute(now, calendar);
        Append(actor, now, "node-completed", Status, Status, node, opinion, new { next = CurrentNode?.Name });
    }

    /// <summary>认领: a person takes the case at its current node into their own hands.</summary>
    public void Claim(Actor actor, DateTime now)
    {
        Authorize(CaseActionNames.Claim, actor);
        if (!IsOpen || Status is CaseStatus.AwaitingCorrection)
        {
            throw new DomainRuleException("case.not-claimable", "该案件当前不需要认领。");
        }
        if (AssigneeId == actor.Id)
        {
            throw new DomainRuleException("case.already-yours", "该案件已在您的名下。");
        }
        var previous = AssigneeName;
        AssigneeId = actor.Id;
        AssigneeName = actor.Name;
        Append(actor, now, "claimed", Status, Status, CurrentNode?.Name, null, new { previous });
    }

    /// <summary>
    /// 转交: the person who has the case (or anyone at its node, while nobody has it) hands it to a colleague who may
    /// act at the case's current node (<paramref name="toRoles"/>: the colleague's roles), with a reason.
    /// </summary>
    public void HandOver(string toId, string toName, IReadOnlyCollection<string> toRoles, string reason, Actor actor, DateTime now)
    {
        Authorize(CaseActionNames.HandOver, actor);
        if (RoleToActIn(CaseActionNames.Claim, toRoles) is null)
        {
            throw new DomainRuleException("case.hand-over-target", $"只能转交给可以办理“{CurrentNode?.Name}”环节的人员。", "toUser");
        }
        if (!IsOpen)
        {
            throw new DomainRuleException("case.not-open", "该案件已结束。");
        }
        if (AssigneeId is not null && AssigneeId != actor.Id)
        {
            throw new DomainRuleException("case.not-yours", $"该案件在 {AssigneeName} 名下，只有本人可以转交。");
        }
        RequireText(reason, "case.reason-required", "转交须写明理由。", "reason");
        if (toId == actor.Id)
        {
            throw new DomainRuleException("case.hand-over-to-self", "不能转交给自己。", "toUser");
        }
        AssigneeId = toId;
        AssigneeName = toName;
        Append(actor, now, "handed-over", Status, Status, CurrentNode?.Name, reason, new { to = toName });
    }

    /// <summary>Sends the case back to the previous node with a reason (退回).</summary>
    public void ReturnToPreviousNode(Actor actor, string reason, DateTime now, WorkingDayCalendar calendar)
    {
        RequireNotJoint();
        Authorize(CaseActionNames.ReturnNode, actor);
        Require(CaseStatus.Accepted, "case.not-in-process", "只有办理中的案件才能退回。");
        RequireText(reason, "case.reason-required", "退回须写明理由。", "reason");
        if (CurrentNodeIndex <= 1)
        {
            throw new DomainRuleException("case.no-previous-node", "第一个办理环节不能再退回。");
        }
        var from = Nodes[CurrentNodeIndex].Name;
        var nodes = Nodes.ToList();
        nodes[CurrentNodeIndex] = nodes[CurrentNodeIndex] with { StartedAt = null, DueAt = null };
        Nodes = nodes;
        StartNode(CurrentNodeIndex - 1, now, calendar);
        Recompute(now, calendar);
        Append(actor, now, "node-returned", Status, Status, from, reason, new { to = CurrentNode?.Name });
    }

    /// <summary>特别程序: the clock stops; the applicant is told in writing how long it is expected to take (§45).</summary>
    public void Suspend(string procedure, int expectedWorkingDays, string reason, Actor actor, DateTime now, WorkingDayCalendar calendar)
    {
        Authorize(CaseActionNames.Suspend, actor);
        RequireText(procedure, "case.procedure-required", "请写明特别程序的名称（听证、检验、鉴定…）。", "procedure", CaseInput.ShortText);
        Pause(PauseKind.SpecialProcedure, procedure, expectedWorkingDays, reason, actor, now, calendar, "suspended");
    }

    /// <summary>
    /// 受理后补正: the applicant must supply something during review; the correction period does not count (§45),
    /// and the clock runs again when the materials come in (<see cref="Resume"/>).
    /// </summary>
    public void PauseForCorrection(IReadOnlyList<string> missing, int expectedWorkingDays, Actor actor, DateTime now, WorkingDayCalendar calendar)
    {
        Authorize(CaseActionNames.PauseForCorrection, actor);
        var items = CaseInput.Names(missing, "missing");
        if (items.Count == 0)
        {
            throw new DomainRuleException("case.missing-required", "请列出需要补正的全部材料。", "missing");
        }
        MissingMaterials = items;
        Pause(PauseKind.Correction, "补正", expectedWorkingDays, string.Join("；", items), actor, now, calendar, "correction-paused");
    }

    private void Pause(PauseKind kind, string name, int expectedWorkingDays, string reason, Actor actor, DateTime now, WorkingDayCalendar calendar, string action)
    {
        RequireNotJoint();
        Require(CaseStatus.Accepted, "case.not-in-process", "只有办理中、尚未决定的案件才能中止计时。");
        RequireText(reason, "case.reason-required", "请写明理由。", "reason");
        if (expectedWorkingDays is < 1 or > 365)
        {
            throw new DomainRuleException("case.procedure-duration", "请填写预计所需的工作日（1–365）。", "expectedWorkingDays");
        }
        Clocks.Pauses = [.. Clocks.Pauses, new ClockPause(kind, name.Trim(), now, null, expectedWorkingDays, reason.Trim())];
        StatusBeforeSuspension = Status;
        Status = CaseStatus.Suspended;
        Clocks.PromisedDueAt = null;
        Clocks.StatutoryDueAt = null;
        // While stopped, the next deadline is the declared end of the pause (supervision watches it).
        NextDeadlineAt = LegalClock.Due(calendar, now, expectedWorkingDays).DueAtUtc;
        Append(actor, now, action, CaseStatus.Accepted, Status, CurrentNode?.Name, reason, new { kind, name, expectedWorkingDays });
    }

    /// <summary>The special procedure ended: the clock runs again and every due date is recomputed.</summary>
    public void Resume(string result, Actor actor, DateTime now, WorkingDayCalendar calendar)
    {
        Authorize(CaseActionNames.Resume, actor);
        Require(CaseStatus.Suspended, "case.not-suspended", "该案件不在特别程序中。");
        var pauses = Clocks.Pauses.ToList();
        var open = pauses.FindLastIndex(p => p.EndAt is null);
        pauses[open] = pauses[open] with { EndAt = now };
        Clocks.Pauses = pauses;
        Status = StatusBeforeSuspension ?? CaseStatus.Accepted;
        StatusBeforeSuspension = null;
        Recompute(now, calendar);
        Append(actor, now, "resumed", CaseStatus.Suspended, Status, CurrentNode?.Name, result, new { procedure = pauses[open].Name });
    }

    /// <summary>延期: once, approved by the agency head, with reasons; the statutory limit grows by the extension.</summary>
    public void Extend(int workingDays, string reason, Actor approver, DateTime now, WorkingDayCalendar calendar)
    {
        // 延期须经本行政机关负责人批准 (§42): the approver (首席代表) acts for the agency's head.
        Authorize(CaseActionNames.Extend, approver);
        if (Status is not (CaseStatus.Accepted or CaseStatus.Suspended))
        {
            throw new DomainRuleException("case.not-in-process", "只有办理中、尚未决定的案件才能延期。");
        }
        if (Clocks.ExtensionDays > 0)
        {
            throw new DomainRuleException("case.already-extended", "依法只能延期一次。");
        }
        RequireText(reason, "case.reason-required", "延期须写明理由。", "reason");
        if (workingDays is < 1 or > 30)
        {
            throw new DomainRuleException("case.extension-days", "延长的期限应为 1–30 个工作日。", "workingDays");
        }
        Clocks.ExtensionDays = workingDays;
        Clocks.ExtensionReason = reason.Trim();
        Recompute(now, calendar);
        Append(approver, now, "extended", Status, Status, CurrentNode?.Name, reason, new { workingDays, statutoryDueAt = Clocks.StatutoryDueAt });
    }

    /// <summary>
    /// 决定: grant, or deny with reasons and the applicant's rights of appeal (§38). A grant states the scope granted
    /// when the item's result has one (<paramref name="scope"/>), and is valid for the item's validity from the day of
    /// the decision.
    /// </summary>
    public void Decide(DecisionOutcome outcome, string? reason, Actor actor, DateTime now, WorkingDayCalendar calendar, string? scope = null)
    {
        RequireNotJoint();
        Require(CaseStatus.Accepted, "case.not-in-process", "只有办理中的案件才能作出决定。");
        if (outcome is not (DecisionOutcome.Grant or DecisionOutcome.Deny))
        {
            throw new DomainRuleException("case.outcome-invalid", "决定只能是准予或不予。", "outcome");
        }
        if (CurrentNodeIndex != DecisionNodeIndex)
        {
            throw new DomainRuleException("case.not-at-decision", $"请先完成“{CurrentNode?.Name}”环节。");
        }
        Authorize(CaseActionNames.Decide, actor);
        if (outcome == DecisionOutcome.Deny)
        {
            RequireText(reason, "case.deny-reason-required", "不予许可须说明理由，并告知申请人依法申请行政复议或者提起行政诉讼的权利。", "reason");
        }
        else
        {
            RequireDeferredSupplied();
            if (ResultScopeLabel is { } label)
            {
                RequireText(scope, "case.scope-required", $"准予决定须写明{label}。", "scope");
            }
        }
        var granted = outcome == DecisionOutcome.Grant;
        CaseInput.CheckLength(scope, "scope", CaseInput.LongText);
        var node = Nodes[CurrentNodeIndex].Name;
        CompleteNode(CurrentNodeIndex, actor, now, reason ?? "准予");
        if (CurrentNodeIndex + 1 < Nodes.Count)
        {
            StartNode(CurrentNodeIndex + 1, now, calendar);
        }
        else
        {
            CurrentNodeIndex = Nodes.Count;
        }
        Decision.Outcome = outcome;
        Decision.Reason = reason?.Trim();
        Decision.DecidedAt = now;
        Decision.Scope = granted && ResultScopeLabel is not null ? scope!.Trim() : null;
        Decision.ValidUntil = granted && ResultValidityMonths is { } months ? ChinaTime.DateOf(now).AddMonths(months).AddDays(-1) : null;
        Status = CaseStatus.Decided;
        Recompute(now, calendar);
        Append(actor, now, "decided", CaseStatus.Accepted, Status, node, reason, Decision.Scope is null && Decision.ValidUntil is null
            ? new { outcome }
            : new { outcome, scope = Decision.Scope, validUntil = Decision.ValidUntil });
    }

    /// <summary>The total of the published fixed standards; fees whose standard varies are not in it.</summary>
    public decimal StandardFeeTotal => Payment.Fees.Sum(f => f.StandardAmount ?? 0);

    public bool OwesFees => Payment.Fees.Count > 0 && Payment.PaidAt is null;

    /// <summary>
    /// 统一收费: the payment at the cashier window (or online), with its receipt number. An amount that differs from
    /// the published standard needs a recorded reason (a supervision event).
    /// </summary>
    /// <param name="lineAmounts">What was paid against each fee line, in the order of <see cref="CasePayment.Fees"/>
    /// (null: one line takes the whole amount, or every line its fixed standard when the amount is the standard total;
    /// otherwise the lines must be given).</param>
    public void RecordPayment(decimal amount, string receiptNumber, bool online, string? differenceReason, Actor actor, DateTime now,
        IReadOnlyList<decimal>? lineAmounts = null)
    {
        Authorize(CaseActionNames.Pay, actor);
        RequireNotPart("缴费");
        if (Payment.Fees.Count == 0)
        {
            throw new DomainRuleException("case.no-fees", "该事项不收费。");
        }
        if (!(Status is CaseStatus.Accepted or CaseStatus.Suspended or CaseStatus.Decided || (Status == CaseStatus.Received && IsInstant)))
        {
            throw new DomainRuleException("case.not-payable", "只有已受理、尚未出证的案件才能收费。");
        }
        if (Payment.PaidAt is not null)
        {
            throw new DomainRuleException("case.already-paid", "该案件已缴费。");
        }
        // Money is kept in fen (two decimals): a third decimal would be rounded away by the database and the case
        // would no longer agree with its record.
        if (amount < 0 || amount > 100_000_000 || decimal.Round(amount, 2) != amount)
        {
            throw new DomainRuleException("case.amount-invalid", "金额不正确（最多两位小数）。", "amount");
        }
        RequireText(receiptNumber, "case.receipt-required", "请填写票据号码。", "receiptNumber", CaseInput.ShortText);
        var variable = Payment.Fees.Any(f => f.StandardAmount is null);
        if (!variable && amount != StandardFeeTotal && string.IsNullOrWhiteSpace(differenceReason))
        {
            throw new DomainRuleException("case.fee-differs", $"收费金额与公布标准（{StandardFeeTotal:0.##} 元）不一致，须记录理由。", "reason");
        }
        var lines = FeeLines(amount, variable, lineAmounts);
        Payment.Fees = [.. Payment.Fees.Select((f, i) => f with { PaidAmount = lines[i] })];
        Payment.PaidAmount = amount;
        Payment.PaidAt = now;
        Payment.ReceiptNumber = receiptNumber.Trim();
        Payment.DifferenceReason = string.IsNullOrWhiteSpace(differenceReason) ? null : differenceReason.Trim();
        Append(actor, now, "paid", Status, Status, CurrentNode?.Name, Payment.DifferenceReason,
            new { amount, standard = variable ? (decimal?)null : StandardFeeTotal, receiptNumber = Payment.ReceiptNumber, online, lines });
    }

    /// <summary>
    /// What was paid per fee line (收费项目): as given, or with one line the whole amount, or every line its fixed standard
    /// when the amount is the standard total. Otherwise the split is not known and must be given: it is never invented.
    /// </summary>
    private decimal[] FeeLines(decimal amount, bool variable, IReadOnlyList<decimal>? given)
    {
        if (given is null || given.Count == 0)
        {
            if (Payment.Fees.Count == 1)
            {
                return [amount];
            }
            if (!variable && amount == StandardFeeTotal)
            {
                return [.. Payment.Fees.Select(f => f.StandardAmount!.Value)];
            }
            throw new DomainRuleException("case.fee-lines-required", "该事项有多个收费项目，实收金额与公布标准不一致时须按收费项目分别填写。", "feeLines");
        }
        if (given.Count != Payment.Fees.Count)
        {
            throw new DomainRuleException("case.fee-lines-count", $"须为每个收费项目（共 {Payment.Fees.Count} 项）填写实收金额。", "feeLines");
        }
        if (given.Any(a => a < 0 || decimal.Round(a, 2) != a))
        {
            throw new DomainRuleException("case.amount-invalid", "金额不正确（最多两位小数）。", "feeLines");
        }
        if (given.Sum() != amount)
        {
            throw new DomainRuleException("case.fee-lines-sum", $"各收费项目金额之和（{given.Sum():0.##} 元）与实收金额（{amount:0.##} 元）不一致。", "feeLines");
        }
        return [.. given];
    }

    /// <summary>出证: the licence or the written decision, with its number (§44: within 10 working days of the decision).</summary>
    /// <param name="partResultNumbers">For a joint case: each part's own result number, by part number.</param>
    public void IssueResult(string resultNumber, Actor actor, DateTime now, WorkingDayCalendar calendar, IReadOnlyDictionary<string, string>? partResultNumbers = null)
    {
        Authorize(CaseActionNames.Issue, actor);
        RequireNotPart("出证");
        IssueResultCore(resultNumber, actor, now, calendar, partResultNumbers);
    }

    private void IssueResultCore(string resultNumber, Actor actor, DateTime now, WorkingDayCalendar calendar, IReadOnlyDictionary<string, string>? partResultNumbers = null)
    {
        Require(CaseStatus.Decided, "case.not-decided", "尚未作出决定，不能出证。");
        if (Decision.Outcome == DecisionOutcome.Grant && OwesFees)
        {
            throw new DomainRuleException("case.fees-unpaid", "请先到统一收费窗口缴费，再出证。");
        }
        RequireText(resultNumber, "case.result-number-required", "请填写证照或决定书编号。", "resultNumber", CaseInput.ShortText);
        var parts = IsJoint ? NumberParts(partResultNumbers) : null;
        Decision.ResultNumber = resultNumber.Trim();
        Decision.ResultIssuedAt = now;
        Status = CaseStatus.ResultIssued;
        Recompute(now, calendar);
        Append(actor, now, "result-issued", CaseStatus.Decided, Status, CurrentNode?.Name, null,
            parts is null ? new { resultNumber = Decision.ResultNumber } : new { resultNumber = Decision.ResultNumber, parts });
    }

    /// <summary>送达 and 办结: window pickup, mail with its tracking number, or electronic delivery.</summary>
    public void Deliver(DeliveryMethod method, string? reference, Actor actor, DateTime now)
    {
        Authorize(CaseActionNames.Deliver, actor);
        RequireNotPart("送达");
        DeliverCore(method, reference, actor, now);
    }

    private void DeliverCore(DeliveryMethod method, string? reference, Actor actor, DateTime now)
    {
        Require(CaseStatus.ResultIssued, "case.not-issued", "结果尚未出具，不能送达。");
        CaseInput.CheckLength(reference, "reference", CaseInput.ShortText);
        if (method == Cases.DeliveryMethod.Mail)
        {
            RequireText(reference, "case.tracking-number-required", "邮寄送达须填写邮件号。", "reference", CaseInput.ShortText);
        }
        var node = CurrentNode?.Name;
        for (var i = CurrentNodeIndex; i < Nodes.Count; i++)
        {
            CompleteNode(i, actor, now, "送达");
        }
        CurrentNodeIndex = Nodes.Count;
        Delivery.Method = method;
        Delivery.Reference = reference?.Trim();
        ConcludedAt = now;
        Status = CaseStatus.Concluded;
        NextDeadlineAt = null;
        Append(actor, now, "delivered", CaseStatus.ResultIssued, Status, node, null, new { method, reference = Delivery.Reference });
    }

    /// <summary>即办件: accepted, granted, issued and handed over in one sitting, each step recorded.</summary>
    public void ConcludeInstantly(string resultNumber, Actor clerk, DateTime now, WorkingDayCalendar calendar, string? scope = null)
    {
        Authorize(CaseActionNames.ConcludeInstantly, clerk);
        if (!IsInstant)
        {
            throw new DomainRuleException("case.not-instant", "只有即办件可以当场办结。");
        }
        // Check what the later steps need before the first one changes anything.
        RequireText(resultNumber, "case.result-number-required", "请填写证照或决定书编号。", "resultNumber", CaseInput.ShortText);
        if (ResultScopeLabel is { } label)
        {
            RequireText(scope, "case.scope-required", $"准予决定须写明{label}。", "scope");
        }
        if (OwesFees)
        {
            throw new DomainRuleException("case.fees-unpaid", "请先到统一收费窗口缴费，再出证。");
        }
        Accept(clerk, now, calendar);
        while (CurrentNodeIndex < DecisionNodeIndex)
        {
            CompleteCurrentNode(clerk, "即办", now, calendar);
        }
        Decide(DecisionOutcome.Grant, null, clerk, now, calendar, scope);
        IssueResult(resultNumber, clerk, now, calendar);
        Deliver(Cases.DeliveryMethod.WindowPickup, null, clerk, now);
    }

    /// <summary>撤回: the applicant withdraws an open application.</summary>
    public void Withdraw(string reason, Actor actor, DateTime now)
    {
        Authorize(CaseActionNames.Withdraw, actor);
        RequireNotPart("撤回、终止");
        if (Decision.Outcome is not null)
        {
            throw new DomainRuleException("case.decided", "已作出决定的申请不能撤回。");
        }
        Close(CaseStatus.Withdrawn, "withdrawn", reason, actor, now);
    }

    /// <summary>
    /// 终止: an accepted case ended for a legal reason (the applicant died, the enterprise was dissolved…). Before
    /// acceptance an application is refused (不予受理) or withdrawn instead.
    /// </summary>
    public void Terminate(string legalReason, Actor actor, DateTime now)
    {
        Authorize(CaseActionNames.Terminate, actor);
        if (Status is CaseStatus.Submitted or CaseStatus.Received or CaseStatus.AwaitingCorrection)
        {
            throw new DomainRuleException("case.not-accepted", "尚未受理的申请不能终止，请作不予受理或由申请人撤回。");
        }
        Close(CaseStatus.Terminated, "terminated", legalReason, actor, now);
    }

    private void Close(CaseStatus to, string action, string reason, Actor actor, DateTime now)
    {
        RequireNotPart("撤回、终止");
        CloseCore(to, action, reason, actor, now);
    }

    private void CloseCore(CaseStatus to, string action, string reason, Actor actor, DateTime now)
    {
        if (!IsOpen || Status is CaseStatus.ResultIssued)
        {
            throw new DomainRuleException("case.not-open", "该案件已办结或已出证，不能撤回或终止。");
        }
        RequireText(reason, "case.reason-required", "请写明理由。", "reason");
        var from = Status;
        Status = to;
        ClosingReason = reason.Trim();
        ConcludedAt = now;
        NextDeadlineAt = null;
        Clocks.PromisedDueAt = null;
        Clocks.StatutoryDueAt = null;
        Append(actor, now, action, from, to, CurrentNode?.Name, reason, null);
    }

    /// <summary>The promised clock at an instant.</summary>
    public ClockReading ReadPromised(DateTime now, WorkingDayCalendar calendar) => Read(Clocks.PromisedLimitDays, Clocks.PromisedDueAt, now, calendar);

    /// <summary>The statutory clock at an instant (extension included).</summary>
    public ClockReading ReadStatutory(DateTime now, WorkingDayCalendar calendar) => Read(Clocks.StatutoryLimitDays + Clocks.ExtensionDays, Clocks.StatutoryDueAt, now, calendar);

    private ClockReading Read(int limit, DateTime? dueAt, DateTime now, WorkingDayCalendar calendar)
    {
        if (Clocks.ClockStartAt is not { } start)
        {
            return new ClockReading(null, null, 0, null, true, false);
        }
        // The decision stops both clocks (so does a closing without one); a finished clock reads what the case took.
        var endedAt = Decision.DecidedAt ?? ConcludedAt;
        var end = endedAt ?? now;
        var finished = endedAt is not null;
        var elapsed = LegalClock.ElapsedWorkingDays(calendar, start, end, Excluded());
        if (dueAt is null)
        {
            var stopped = IsClockStopped && !finished;
            return new ClockReading(null, null, elapsed, stopped ? Math.Max(0, limit - elapsed) : null, stopped, false, finished);
        }
        var dueDate = ChinaTime.DateOf(dueAt.Value.AddTicks(-1));
        var remaining = calendar.WorkingDaysBetween(ChinaTime.DateOf(end), dueDate);
        return new ClockReading(dueAt, dueDate, elapsed, remaining, false, end >= dueAt, finished);
    }

    /// <summary>Recomputes every due date from the calendar and the pauses; never by adding calendar days.</summary>
    private void Recompute(DateTime now, WorkingDayCalendar calendar)
    {
        var excluded = Excluded();
        if (Clocks.ClockStartAt is { } start && Status is CaseStatus.Accepted or CaseStatus.Decided or CaseStatus.ResultIssued)
        {
            Clocks.PromisedDueAt = LegalClock.Due(calendar, start, Clocks.PromisedLimitDays, excluded).DueAtUtc;
            Clocks.StatutoryDueAt = LegalClock.Due(calendar, start, Clocks.StatutoryLimitDays + Clocks.ExtensionDays, excluded).DueAtUtc;
        }
        var nodes = Nodes.ToList();
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] is { StartedAt: { } started, CompletedAt: null, LimitWorkingDays: { } days })
            {
                nodes[i] = nodes[i] with { DueAt = LegalClock.Due(calendar, started, days, excluded).DueAtUtc };
            }
        }
        Nodes = nodes;
        // Certificate (§44): issued and delivered within 10 working days of the decision.
        var issueDue = Decision.DecidedAt is { } decided && Status is CaseStatus.Decided or CaseStatus.ResultIssued
            ? LegalClock.Due(calendar, decided, 10).DueAtUtc
            : null;
        var candidates = new[]
        {
            Status is CaseStatus.Accepted ? Clocks.PromisedDueAt : null,
            Status is CaseStatus.Accepted ? Clocks.StatutoryDueAt : null,
            Status is CaseStatus.Accepted ? CurrentNode?.DueAt : null,
            issueDue,
        };
        NextDeadlineAt = candidates.Where(d => d is not null && d > now).Min() ?? candidates.Where(d => d is not null).Max();
    }

    private void StartNode(int index, DateTime now, WorkingDayCalendar calendar)
    {
        if (index >= Nodes.Count)
        {
            CurrentNodeIndex = Nodes.Count;
            return;
        }
        var nodes = Nodes.ToList();
        var node = nodes[index];
        var excluded = Excluded();
        AssigneeId = null;
        AssigneeName = null;
        nodes[index] = node with
        {
            StartedAt = now,
            CompletedAt = null,
            DueAt = node.LimitWorkingDays is { } days ? LegalClock.Due(calendar, now, days, excluded).DueAtUtc : null,
        };
        Nodes = nodes;
        CurrentNodeIndex = index;
    }

    private void CompleteNode(int index, Actor actor, DateTime now, string? opinion)
    {
        var nodes = Nodes.ToList();
        nodes[index] = nodes[index] with { StartedAt = nodes[index].StartedAt ?? ReceivedAt ?? now, CompletedAt = now, CompletedBy = actor.Name, Opinion = opinion };
        Nodes = nodes;
    }

    private int LastIndex(Func<CaseNode, bool> predicate)
    {
        for (var i = Nodes.Count - 1; i >= 1; i--)
        {
            if (predicate(Nodes[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
