using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Cases;

/// <summary>One action on a case: its name in the API and the forms, what it does, and how it calls the domain.</summary>
public sealed record CaseAction(string Name, string Summary, Action<Case, CaseStaff, CaseActionRequest, DateTime, WorkingDayCalendar> Run);

/// <summary>The actions on a case, shared by the REST API and the workbench pages so that both do exactly the same.</summary>
public static class CaseActions
{
    public static readonly IReadOnlyList<CaseAction> All =
    [
        new("pre-review-pass", "Pre-review an online submission as complete in form (预审通过): it is received now", (c, s, r, now, cal) => c.PassPreReview(s.As(StaffRoles.WindowClerk), now, cal, r.Opinion)),
        new("pre-review-return", "Return an online submission to the applicant with every problem listed (`missing`)", (c, s, r, now, _) => c.ReturnAtPreReview(r.Missing ?? [], s.As(StaffRoles.WindowClerk), now)),
        new("accept", "Accept (受理): the legal clock starts", (c, s, r, now, cal) => c.Accept(s.As(StaffRoles.WindowClerk), now, cal, r.Opinion)),
        new("correction", "One-time correction notice (一次性告知); a second one needs `reason`", (c, s, r, now, _) => c.RequestCorrection(r.Missing ?? [], r.Reason, s.As(StaffRoles.WindowClerk), now)),
        new("supplement", "The missing materials came in: received again", (c, s, r, now, cal) => c.Supplement(r.Provided ?? [], s.As(StaffRoles.WindowClerk), now, cal)),
        new("reject", "Refuse at intake (不予受理) with `reason` and `referTo`", (c, s, r, now, _) => c.RejectAtIntake(r.Reason ?? "", r.ReferTo, s.As(StaffRoles.WindowClerk), now)),
        new("complete-node", "Complete the current node with an `opinion`", (c, s, r, now, cal) => c.CompleteCurrentNode(s.As(c.CurrentNode?.ActingRole), r.Opinion ?? "", now, cal)),
        new("return-node", "Send the case back to the previous node with a `reason`", (c, s, r, now, cal) => c.ReturnToPreviousNode(s.As(c.CurrentNode?.ActingRole), r.Reason ?? "", now, cal)),
        new("suspend", "Start a special procedure (`procedure`, `expectedWorkingDays`, `reason`): the clock stops", (c, s, r, now, cal) => c.Suspend(r.Procedure ?? "", r.ExpectedWorkingDays ?? 0, r.Reason ?? "", s.As(c.CurrentNode?.ActingRole), now, cal)),
        new("pause-for-correction", "Ask for materials during review (`missing`, `expectedWorkingDays`): the clock stops", (c, s, r, now, cal) => c.PauseForCorrection(r.Missing ?? [], r.ExpectedWorkingDays ?? 0, s.As(c.CurrentNode?.ActingRole), now, cal)),
        new("resume", "End the special procedure or correction (`opinion` = its result): the clock runs again", (c, s, r, now, cal) => c.Resume(r.Opinion ?? "", s.As(c.CurrentNode?.ActingRole), now, cal)),
        new("extend", "Extend the statutory limit once (`workingDays`, `reason`), by an approver", (c, s, r, now, cal) => c.Extend(r.WorkingDays ?? c.DefaultExtension, r.Reason ?? "", s.As(StaffRoles.Approver), now, cal)),
        new("decide", "Decide (`outcome` Grant or Deny; `reason` required for Deny)", (c, s, r, now, cal) => c.Decide(r.Outcome ?? DecisionOutcome.Grant, r.Reason, s.As(c.CurrentNode?.ActingRole), now, cal)),
        new("pay", "Record the payment at the unified cashier (`amount`, `receiptNumber`, `online`; `reason` when it differs from the standard)", (c, s, r, now, _) => c.RecordPayment(r.Amount ?? -1, r.ReceiptNumber ?? "", r.Online, r.Reason, s.As(StaffRoles.WindowClerk), now)),
        new("issue", "Issue the result with its `resultNumber`", (c, s, r, now, cal) => c.IssueResult(r.ResultNumber ?? "", s.As(StaffRoles.WindowClerk), now, cal)),
        new("deliver", "Deliver (`method`, `reference` = tracking number for mail) and conclude", (c, s, r, now, _) => c.Deliver(r.Method ?? DeliveryMethod.WindowPickup, r.Reference, s.As(StaffRoles.WindowClerk), now)),
        new("conclude-instantly", "An instant item accepted, granted, issued and handed over at once (`resultNumber`)", (c, s, r, now, cal) => c.ConcludeInstantly(r.ResultNumber ?? "", s.As(StaffRoles.WindowClerk), now, cal)),
        new("claim", "Take the case at its current node into your own hands (认领)", (c, s, r, now, _) => c.Claim(s.As(c.CurrentNode?.ActingRole), now)),
        new("hand-over", "Hand the case to a colleague (`toUser`, `reason`)", (c, s, r, now, _) => c.HandOver(r.Target?.Id ?? "", r.Target?.Name ?? "", r.Reason ?? "", s.As(c.CurrentNode?.ActingRole), now)),
        new("withdraw", "The applicant withdraws (`reason`)", (c, s, r, now, _) => c.Withdraw(r.Reason ?? "", s.As(), now)),
        new("terminate", "Terminate for a legal `reason`", (c, s, r, now, _) => c.Terminate(r.Reason ?? "", s.As(StaffRoles.Approver), now)),
    ];

    public static CaseAction? Find(string name) => All.FirstOrDefault(a => a.Name == name);
}

/// <summary>Which actions fit a case's state and the person's roles, for showing the right forms (the domain still decides).</summary>
public static class CaseActionChoice
{
    public static IReadOnlyList<string> For(Case c, IReadOnlyCollection<string> roles, string userId) =>
        [.. WithAssignment(ForState(c)).Where(action => MayAct(action, c, roles) && !(action == "claim" && c.AssigneeId == userId))];

    private static bool MayAct(string action, Case c, IReadOnlyCollection<string> roles)
    {
        var nodeRole = c.CurrentNode?.ActingRole;
        var holdsNode = nodeRole is not null && (roles.Contains(nodeRole) || (nodeRole == StaffRoles.Reviewer && roles.Contains(StaffRoles.Approver)));
        return action switch
        {
            "complete-node" or "return-node" or "decide" or "suspend" or "pause-for-correction" or "resume" => holdsNode,
            "extend" or "terminate" => roles.Contains(StaffRoles.Approver),
            "withdraw" or "claim" or "hand-over" => roles.Count > 0,
            _ => roles.Contains(StaffRoles.WindowClerk),
        };
    }

    private static IEnumerable<string> Payable(Case c) => c.OwesFees ? ["pay"] : [];

    private static IReadOnlyList<string> WithAssignment(IReadOnlyList<string> actions) =>
        actions.Count == 0 ? actions : [.. actions, "claim", "hand-over"];

    private static IReadOnlyList<string> ForState(Case c) => c switch
    {
        // A part is withdrawn, paid, issued and delivered with its joint case; a joint case is handled in its parts.
        { IsPart: true } => [.. ForStateAlone(c).Where(a => a is not ("withdraw" or "terminate" or "pay" or "issue" or "deliver"))],
        { IsJoint: true, Status: CaseStatus.Accepted } => ["extend", "withdraw", "terminate"],
        _ => ForStateAlone(c),
    };

    private static IReadOnlyList<string> ForStateAlone(Case c) => c.Status switch
    {
        CaseStatus.Submitted => ["pre-review-pass", "pre-review-return"],
        CaseStatus.Received when c.IsInstant => [.. Payable(c), "conclude-instantly", "accept", "correction", "reject", "withdraw"],
        CaseStatus.Received => ["accept", "correction", "reject", "withdraw"],
        CaseStatus.AwaitingCorrection => ["supplement", "reject", "withdraw"],
        CaseStatus.Accepted when c.CurrentNodeIndex == c.DecisionNodeIndex => ["decide", "return-node", "suspend", "pause-for-correction", "extend", "withdraw", "terminate"],
        CaseStatus.Accepted => ["complete-node", "return-node", "suspend", "pause-for-correction", "extend", "withdraw", "terminate"],
        CaseStatus.Suspended => ["resume", "extend", "withdraw", "terminate"],
        CaseStatus.Decided => [.. Payable(c), "issue", "withdraw", "terminate"],
        CaseStatus.ResultIssued => ["deliver"],
        CaseStatus.Draft or CaseStatus.ReturnedForCorrection => [],
        CaseStatus.Concluded or CaseStatus.RejectedAtIntake or CaseStatus.Withdrawn or CaseStatus.Terminated => [],
        _ => [],
    };
}
