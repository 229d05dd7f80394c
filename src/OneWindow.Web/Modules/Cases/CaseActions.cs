using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// One action on a case: its name in the API and the forms, what it does, and how it calls the domain. The actor is
/// the person in the role the domain's rule lets them act in (<see cref="Case.RoleToActIn"/>).
/// </summary>
public sealed record CaseAction(string Name, string Summary, Action<Case, Actor, CaseActionRequest, DateTime, WorkingDayCalendar> Run);

/// <summary>The actions on a case, shared by the REST API and the workbench pages so that both do exactly the same.</summary>
public static class CaseActions
{
    public static readonly IReadOnlyList<CaseAction> All =
    [
        new(CaseActionNames.PreReviewPass, "Pre-review an online submission as complete in form (预审通过): it is received now", (c, a, r, now, cal) => c.PassPreReview(a, now, cal, r.Opinion)),
        new(CaseActionNames.PreReviewReturn, "Return an online submission to the applicant with every problem listed (`missing`)", (c, a, r, now, _) => c.ReturnAtPreReview(r.Missing ?? [], a, now)),
        new(CaseActionNames.Accept, "Accept (受理): the legal clock starts", (c, a, r, now, cal) => c.Accept(a, now, cal, r.Opinion)),
        new(CaseActionNames.Correction, "One-time correction notice (一次性告知); a second one needs `reason`", (c, a, r, now, _) => c.RequestCorrection(r.Missing ?? [], r.Reason, a, now)),
        new(CaseActionNames.Supplement, "The missing materials came in: received again", (c, a, r, now, cal) => c.Supplement(r.Provided ?? [], a, now, cal)),
        new(CaseActionNames.Reject, "Refuse at intake (不予受理) with `reason` and `referTo`", (c, a, r, now, _) => c.RejectAtIntake(r.Reason ?? "", r.ReferTo, a, now)),
        new(CaseActionNames.CompleteNode, "Complete the current node with an `opinion`", (c, a, r, now, cal) => c.CompleteCurrentNode(a, r.Opinion ?? "", now, cal)),
        new(CaseActionNames.ReturnNode, "Send the case back to the previous node with a `reason`", (c, a, r, now, cal) => c.ReturnToPreviousNode(a, r.Reason ?? "", now, cal)),
        new(CaseActionNames.Suspend, "Start a special procedure (`procedure`, `expectedWorkingDays`, `reason`): the clock stops", (c, a, r, now, cal) => c.Suspend(r.Procedure ?? "", r.ExpectedWorkingDays ?? 0, r.Reason ?? "", a, now, cal)),
        new(CaseActionNames.PauseForCorrection, "Ask for materials during review (`missing`, `expectedWorkingDays`): the clock stops", (c, a, r, now, cal) => c.PauseForCorrection(r.Missing ?? [], r.ExpectedWorkingDays ?? 0, a, now, cal)),
        new(CaseActionNames.Resume, "End the special procedure or correction (`opinion` = its result): the clock runs again", (c, a, r, now, cal) => c.Resume(r.Opinion ?? "", a, now, cal)),
        new(CaseActionNames.Extend, "Extend the statutory limit once (`workingDays`, `reason`), by an approver", (c, a, r, now, cal) => c.Extend(r.WorkingDays ?? c.DefaultExtension, r.Reason ?? "", a, now, cal)),
        new(CaseActionNames.Decide, "Decide (`outcome` Grant or Deny; `reason` required for Deny)", (c, a, r, now, cal) => c.Decide(r.Outcome ?? DecisionOutcome.Grant, r.Reason, a, now, cal)),
        new(CaseActionNames.Pay, "Record the payment at the unified cashier (`amount`, `receiptNumber`, `online`; `reason` when it differs from the standard)", (c, a, r, now, _) => c.RecordPayment(r.Amount ?? -1, r.ReceiptNumber ?? "", r.Online, r.Reason, a, now)),
        new(CaseActionNames.Issue, "Issue the result with its `resultNumber`", (c, a, r, now, cal) => c.IssueResult(r.ResultNumber ?? "", a, now, cal)),
        new(CaseActionNames.Deliver, "Deliver (`method`, `reference` = tracking number for mail) and conclude", (c, a, r, now, _) => c.Deliver(r.Method ?? DeliveryMethod.WindowPickup, r.Reference, a, now)),
        new(CaseActionNames.ConcludeInstantly, "An instant item accepted, granted, issued and handed over at once (`resultNumber`)", (c, a, r, now, cal) => c.ConcludeInstantly(r.ResultNumber ?? "", a, now, cal)),
        new(CaseActionNames.Claim, "Take the case at its current node into your own hands (认领)", (c, a, r, now, _) => c.Claim(a, now)),
        new(CaseActionNames.HandOver, "Hand the case to a colleague who may act at its current node (`toUser`, `reason`)", (c, a, r, now, _) =>
            c.HandOver(r.Target?.Id ?? "", r.Target?.Name ?? "", r.Target?.Roles ?? [], r.Reason ?? "", a, now)),
        new(CaseActionNames.Withdraw, "The applicant withdraws (`reason`)", (c, a, r, now, _) => c.Withdraw(r.Reason ?? "", a, now)),
        new(CaseActionNames.Terminate, "Terminate for a legal `reason`, by an approver", (c, a, r, now, _) => c.Terminate(r.Reason ?? "", a, now)),
    ];

    public static CaseAction? Find(string name) => All.FirstOrDefault(a => a.Name == name);
}
