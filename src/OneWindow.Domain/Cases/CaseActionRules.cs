namespace OneWindow.Domain.Cases;

/// <summary>The actions on a case, named as the API's routes and the workbench's forms name them.</summary>
public static class CaseActionNames
{
    public const string PreReviewPass = "pre-review-pass";
    public const string PreReviewReturn = "pre-review-return";
    public const string Accept = "accept";
    public const string Correction = "correction";
    public const string Supplement = "supplement";
    public const string SupplyDeferred = "supply-deferred";
    public const string Reject = "reject";
    public const string CompleteNode = "complete-node";
    public const string ReturnNode = "return-node";
    public const string Suspend = "suspend";
    public const string PauseForCorrection = "pause-for-correction";
    public const string Resume = "resume";
    public const string Extend = "extend";
    public const string Decide = "decide";
    public const string Pay = "pay";
    public const string Issue = "issue";
    public const string Deliver = "deliver";
    public const string ConcludeInstantly = "conclude-instantly";
    public const string Claim = "claim";
    public const string HandOver = "hand-over";
    public const string Withdraw = "withdraw";
    public const string Terminate = "terminate";

    public static readonly IReadOnlyList<string> All =
    [
        PreReviewPass, PreReviewReturn, Accept, Correction, Supplement, SupplyDeferred, Reject, CompleteNode, ReturnNode, Suspend, PauseForCorrection,
        Resume, Extend, Decide, Pay, Issue, Deliver, ConcludeInstantly, Claim, HandOver, Withdraw, Terminate,
    ];
}

/// <summary>
/// Who may take which action on a case at which node: the one rule that the API, the workbench pages and the
/// domain's own methods ask. Intake, fees and the result's issue and delivery are the window's (窗口人员);
/// the work of a process node is its acting role's, and an approver (首席代表) may also act for a reviewer;
/// extension (§42) and termination need the approver; the applicant supplements and withdraws their own
/// application (ownership is checked where the applicant is known).
/// </summary>
public sealed partial class Case
{
    /// <summary>The roles that may take <paramref name="action"/> on this case now, in the order a person acts in them.</summary>
    public IReadOnlyList<string> RolesAllowedTo(string action)
    {
        var node = NodeRoles();
        return action switch
        {
            CaseActionNames.PreReviewPass or CaseActionNames.PreReviewReturn or CaseActionNames.Accept or CaseActionNames.Correction
                or CaseActionNames.Reject or CaseActionNames.Pay or CaseActionNames.Issue or CaseActionNames.Deliver
                or CaseActionNames.ConcludeInstantly or CaseActionNames.SupplyDeferred => [StaffRoles.WindowClerk],
            CaseActionNames.Supplement => [StaffRoles.WindowClerk, ApplicantRoles.Applicant],
            CaseActionNames.CompleteNode or CaseActionNames.ReturnNode or CaseActionNames.Decide or CaseActionNames.Suspend
                or CaseActionNames.PauseForCorrection or CaseActionNames.Resume or CaseActionNames.Claim or CaseActionNames.HandOver => node,
            CaseActionNames.Extend or CaseActionNames.Terminate => [StaffRoles.Approver],
            CaseActionNames.Withdraw => [.. node.Prepend(StaffRoles.WindowClerk).Distinct(), ApplicantRoles.Applicant],
            _ => [],
        };
    }

    /// <summary>The role a person holding <paramref name="roles"/> takes <paramref name="action"/> in; null when none of them may.</summary>
    public string? RoleToActIn(string action, IReadOnlyCollection<string> roles) => RolesAllowedTo(action).FirstOrDefault(roles.Contains);

    /// <summary>The actions a person holding <paramref name="roles"/> may take now: those that fit the state and their roles.</summary>
    public IReadOnlyList<string> AvailableActions(IReadOnlyCollection<string> roles, string userId) =>
        [.. ActionsForState().Where(action => RoleToActIn(action, roles) is not null && !(action == CaseActionNames.Claim && AssigneeId == userId))];

    /// <summary>
    /// Whether the state admits the action at all (whoever asks). The domain's methods still check the details (a
    /// required reason, the decision node, fees owed); this list is what the forms offer.
    /// </summary>
    public IReadOnlyList<string> ActionsForState()
    {
        IReadOnlyList<string> actions = this switch
        {
            // A part is withdrawn, paid, issued and delivered with its joint case; a joint case is handled in its parts.
            { IsPart: true } => [.. ActionsForStateAlone().Where(a => a is not (CaseActionNames.Withdraw or CaseActionNames.Terminate
                or CaseActionNames.Pay or CaseActionNames.Issue or CaseActionNames.Deliver))],
            { IsJoint: true, Status: CaseStatus.Accepted } => [CaseActionNames.Extend, CaseActionNames.Withdraw, CaseActionNames.Terminate],
            _ => ActionsForStateAlone(),
        };
        // Whoever works at the node may take the case into their hands or pass it on; a case waiting for the
        // applicant's correction is nobody's to claim, though it may be handed over.
        return actions.Count == 0 ? actions
            : Status == CaseStatus.AwaitingCorrection ? [.. actions, CaseActionNames.HandOver]
            : [.. actions, CaseActionNames.Claim, CaseActionNames.HandOver];
    }

    private IReadOnlyList<string> ActionsForStateAlone() => Status switch
    {
        CaseStatus.Submitted => [CaseActionNames.PreReviewPass, CaseActionNames.PreReviewReturn, CaseActionNames.Withdraw],
        CaseStatus.Received when IsInstant => [.. Payable(), .. WhenComplete([CaseActionNames.ConcludeInstantly, CaseActionNames.Accept]), CaseActionNames.Correction,
            CaseActionNames.Reject, CaseActionNames.Withdraw],
        CaseStatus.Received => [.. WhenComplete([CaseActionNames.Accept]), CaseActionNames.Correction, CaseActionNames.Reject, CaseActionNames.Withdraw],
        CaseStatus.AwaitingCorrection => [CaseActionNames.Supplement, CaseActionNames.Reject, CaseActionNames.Withdraw],
        CaseStatus.Accepted => [CurrentNodeIndex == DecisionNodeIndex ? CaseActionNames.Decide : CaseActionNames.CompleteNode,
            .. Returnable(), .. Deferred(), CaseActionNames.Suspend, CaseActionNames.PauseForCorrection, CaseActionNames.Extend, CaseActionNames.Withdraw, CaseActionNames.Terminate],
        CaseStatus.Suspended => [CaseActionNames.Resume, .. Deferred(), CaseActionNames.Extend, CaseActionNames.Withdraw, CaseActionNames.Terminate],
        // A decision made cannot be withdrawn from: the applicant may decline the result, the record keeps the decision.
        CaseStatus.Decided => [.. Payable(), CaseActionNames.Issue, CaseActionNames.Terminate],
        CaseStatus.ResultIssued => [CaseActionNames.Deliver],
        CaseStatus.Draft or CaseStatus.ReturnedForCorrection => [],
        CaseStatus.Concluded or CaseStatus.RejectedAtIntake or CaseStatus.Withdrawn or CaseStatus.Terminated => [],
        _ => [],
    };

    private IReadOnlyList<string> Payable() => OwesFees ? [CaseActionNames.Pay] : [];

    /// <summary>
    /// Acceptance is not offered while a required material is missing (the correction notice is what fits then), unless
    /// the guide lets everything missing be deferred: then acceptance with the applicant's commitment (容缺受理) is.
    /// </summary>
    private IReadOnlyList<string> WhenComplete(IReadOnlyList<string> actions) =>
        RequiredMaterialsMissing.Count == 0 ? actions
        : MayAcceptWithDeferral ? [.. actions.Where(a => a == CaseActionNames.Accept)]
        : [];

    /// <summary>Deferred (容缺) materials still to come are taken in at the window while the case is handled.</summary>
    private IReadOnlyList<string> Deferred() => DeferredMaterialsMissing.Count > 0 ? [CaseActionNames.SupplyDeferred] : [];

    /// <summary>The first handling node has no node before it to go back to (acceptance is not undone).</summary>
    private IReadOnlyList<string> Returnable() => CurrentNodeIndex > 1 ? [CaseActionNames.ReturnNode] : [];

    /// <summary>The roles that act at the current node: its acting role, and the approver for a reviewer's node; the window's when no node is open.</summary>
    private IReadOnlyList<string> NodeRoles() => CurrentNode?.ActingRole switch
    {
        null => [StaffRoles.WindowClerk],
        StaffRoles.Reviewer => [StaffRoles.Reviewer, StaffRoles.Approver],
        var role => [role],
    };

    /// <summary>
    /// Refuses an actor whose role may not take the action now. The system acts where the law acts by itself (deemed
    /// acceptance, a joint case's parts); it passes.
    /// </summary>
    private void Authorize(string action, Actor actor)
    {
        if (actor == Actor.System || RolesAllowedTo(action).Contains(actor.Role))
        {
            return;
        }
        throw NotAllowed(action);
    }

    /// <summary>The refusal of an action to a role the rule does not name, saying who may take it.</summary>
    public ActionNotAllowedException NotAllowed(string action)
    {
        var allowed = RolesAllowedTo(action);
        return new ActionNotAllowedException("case.role-not-allowed", allowed.Count == 0
            ? "该案件当前不能办理此操作。"
            : $"该操作须由{string.Join("或", allowed.Select(RoleName))}办理。");
    }

    private static string RoleName(string role) => role switch
    {
        StaffRoles.WindowClerk => "窗口人员",
        StaffRoles.Reviewer => "审核人",
        StaffRoles.Approver => "审批人（首席代表）",
        ApplicantRoles.Applicant => "申请人本人",
        _ => role,
    };
}
