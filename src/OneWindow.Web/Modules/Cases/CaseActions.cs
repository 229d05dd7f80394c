using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// One action on a case: its name in the API and the forms, what it does, the request it is sent with, and how it
/// calls the domain. The actor is the person in the role the domain's rule lets them act in (<see cref="Case.RoleToActIn"/>).
/// </summary>
public abstract record CaseAction(string Name, string Summary)
{
    /// <summary>The action's own request type (<see cref="ICaseActionRequest"/>): the API's body and the form's binding.</summary>
    public abstract Type RequestType { get; }

    /// <summary>Runs the action on the case; <paramref name="request"/> is of <see cref="RequestType"/>.</summary>
    public abstract void Run(Case c, Actor actor, ICaseActionRequest request, DateTime now, WorkingDayCalendar calendar);

    /// <summary>Maps the action's endpoint with its own request type, so that OpenAPI shows each action's own fields.</summary>
    public abstract RouteHandlerBuilder Map(IEndpointRouteBuilder api, ActionEndpoint handle);
}

/// <summary>What the API does with an action on the case <paramref name="number"/>, whatever its request type.</summary>
public delegate Task<Microsoft.AspNetCore.Http.HttpResults.Ok<CaseView>> ActionEndpoint(string number, CaseAction action, ICaseActionRequest request, HttpContext http, CancellationToken ct);

/// <summary>An action sent with <typeparamref name="TRequest"/>.</summary>
public sealed record CaseAction<TRequest>(string Name, string Summary, Action<Case, Actor, TRequest, DateTime, WorkingDayCalendar> Apply)
    : CaseAction(Name, Summary) where TRequest : ICaseActionRequest
{
    public override Type RequestType => typeof(TRequest);

    public override void Run(Case c, Actor actor, ICaseActionRequest request, DateTime now, WorkingDayCalendar calendar) =>
        Apply(c, actor, (TRequest)request, now, calendar);

    public override RouteHandlerBuilder Map(IEndpointRouteBuilder api, ActionEndpoint handle) =>
        api.MapPost("/{number}/" + Name, (string number, TRequest request, HttpContext http, CancellationToken ct) =>
            // A JSON null passes the binder for a generic parameter: the body must still be the action's object.
            handle(number, this, request ?? throw new BadHttpRequestException("The body must be a JSON object with the action's fields."), http, ct));
}

/// <summary>The actions on a case, shared by the REST API and the workbench pages so that both do exactly the same.</summary>
public static class CaseActions
{
    public static readonly IReadOnlyList<CaseAction> All =
    [
        new CaseAction<PreReviewPassRequest>(CaseActionNames.PreReviewPass, "Pre-review an online submission as complete in form (预审通过): it is received now",
            (c, a, r, now, cal) => c.PassPreReview(a, now, cal, r.Opinion)),
        new CaseAction<PreReviewReturnRequest>(CaseActionNames.PreReviewReturn, "Return an online submission to the applicant with every problem listed (`missing`)",
            (c, a, r, now, _) => c.ReturnAtPreReview(Lines(r.Missing), a, now)),
        new CaseAction<AcceptRequest>(CaseActionNames.Accept, "Accept (受理): the legal clock starts; with `deferredUntil` and `commitmentSigned`, accept with the missing materials the guide lets be deferred (容缺受理)",
            (c, a, r, now, cal) => c.Accept(a, now, cal, r.Opinion, r.Deferral)),
        new CaseAction<SupplyDeferredRequest>(CaseActionNames.SupplyDeferred, "Deferred (容缺) materials handed in after acceptance (`provided`)",
            (c, a, r, now, _) => c.SupplyDeferred(Lines(r.Provided), a, now)),
        new CaseAction<CorrectionRequest>(CaseActionNames.Correction, "One-time correction notice (一次性告知); a second one needs `reason`",
            (c, a, r, now, _) => c.RequestCorrection(Lines(r.Missing), r.Reason, a, now)),
        new CaseAction<SupplementRequest>(CaseActionNames.Supplement, "The missing materials came in: received again",
            (c, a, r, now, cal) => c.Supplement(Lines(r.Provided), a, now, cal)),
        new CaseAction<RejectRequest>(CaseActionNames.Reject, "Refuse at intake (不予受理) with `reason` and `referTo`",
            (c, a, r, now, _) => c.RejectAtIntake(r.Reason ?? "", r.ReferTo, a, now)),
        new CaseAction<CompleteNodeRequest>(CaseActionNames.CompleteNode, "Complete the current node with an `opinion`",
            (c, a, r, now, cal) => c.CompleteCurrentNode(a, r.Opinion ?? "", now, cal)),
        new CaseAction<ReturnNodeRequest>(CaseActionNames.ReturnNode, "Send the case back to the previous node with a `reason`",
            (c, a, r, now, cal) => c.ReturnToPreviousNode(a, r.Reason ?? "", now, cal)),
        new CaseAction<SuspendRequest>(CaseActionNames.Suspend, "Start a special procedure (`procedure`, `expectedWorkingDays`, `reason`): the clock stops",
            (c, a, r, now, cal) => c.Suspend(r.Procedure ?? "", r.ExpectedWorkingDays ?? 0, r.Reason ?? "", a, now, cal)),
        new CaseAction<PauseForCorrectionRequest>(CaseActionNames.PauseForCorrection, "Ask for materials during review (`missing`, `expectedWorkingDays`): the clock stops",
            (c, a, r, now, cal) => c.PauseForCorrection(Lines(r.Missing), r.ExpectedWorkingDays ?? 0, a, now, cal)),
        new CaseAction<ResumeRequest>(CaseActionNames.Resume, "End the special procedure or correction (`opinion` = its result): the clock runs again",
            (c, a, r, now, cal) => c.Resume(r.Opinion ?? "", a, now, cal)),
        new CaseAction<ExtendRequest>(CaseActionNames.Extend, "Extend the statutory limit once (`workingDays`, `reason`), by an approver",
            (c, a, r, now, cal) => c.Extend(r.WorkingDays ?? c.DefaultExtension, r.Reason ?? "", a, now, cal)),
        new CaseAction<DecideRequest>(CaseActionNames.Decide, "Decide (`outcome` Grant or Deny; `reason` required for Deny; `scope` for a grant whose result has one)",
            (c, a, r, now, cal) => c.Decide(r.Outcome ?? DecisionOutcome.Grant, r.Reason, a, now, cal, r.Scope)),
        new CaseAction<PayRequest>(CaseActionNames.Pay, "Record the payment at the unified cashier (`amount`, `receiptNumber`, `online`; `reason` when it differs from the standard; `feeLines`, the amount per fee line, when there are several and the amount is not the standard)",
            (c, a, r, now, _) => c.RecordPayment(r.Amount ?? -1, r.ReceiptNumber ?? "", r.Online, r.Reason, a, now, r.FeeLines)),
        new CaseAction<IssueRequest>(CaseActionNames.Issue, "Issue the result with its `resultNumber`; a joint case also gives each part's own number in `partResultNumbers` (part number → result number)",
            (c, a, r, now, cal) => c.IssueResult(r.ResultNumber ?? "", a, now, cal, r.PartResultNumbers)),
        new CaseAction<DeliverRequest>(CaseActionNames.Deliver, "Deliver (`method`, `reference` = tracking number for mail) and conclude",
            (c, a, r, now, _) => c.Deliver(r.Method ?? c.Delivery.Requested ?? DeliveryMethod.WindowPickup, r.Reference, a, now)),
        new CaseAction<ConcludeInstantlyRequest>(CaseActionNames.ConcludeInstantly, "An instant item accepted, granted, issued and handed over at once (`resultNumber`, `scope` when the result has one)",
            (c, a, r, now, cal) => c.ConcludeInstantly(r.ResultNumber ?? "", a, now, cal, r.Scope)),
        new CaseAction<ClaimRequest>(CaseActionNames.Claim, "Take the case at its current node into your own hands (认领)",
            (c, a, _, now, _) => c.Claim(a, now)),
        new CaseAction<HandOverRequest>(CaseActionNames.HandOver, "Hand the case to a colleague who may act at its current node (`toUser`, `reason`)",
            (c, a, r, now, _) => c.HandOver(r.Target?.Id ?? "", r.Target?.Name ?? "", r.Target?.Roles ?? [], r.Reason ?? "", a, now)),
        new CaseAction<WithdrawRequest>(CaseActionNames.Withdraw, "The applicant withdraws (`reason`)",
            (c, a, r, now, _) => c.Withdraw(r.Reason ?? "", a, now)),
        new CaseAction<TerminateRequest>(CaseActionNames.Terminate, "Terminate for a legal `reason`, by an approver",
            (c, a, r, now, _) => c.Terminate(r.Reason ?? "", a, now)),
    ];

    public static CaseAction? Find(string name) => All.FirstOrDefault(a => a.Name == name);

    /// <summary>
    /// A list of materials as one item per entry: an entry holding several lines or semicolon-separated parts (a
    /// form's textarea, 每行一项) is split, blanks are dropped.
    /// </summary>
    public static IReadOnlyList<string> Lines(IReadOnlyList<string>? entries) =>
        (entries ?? []).SelectMany(e => e.Split(['\n', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
