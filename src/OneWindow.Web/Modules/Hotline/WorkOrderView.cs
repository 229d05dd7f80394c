using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Hotline;

public sealed record WorkOrderStep(int Sequence, DateTime At, string ActorName, string? UnitName, string Action, WorkOrderStatus? FromStatus, WorkOrderStatus ToStatus, string? Note);

public sealed record CoHandlerView(Guid UnitId, string? UnitName, string? Contribution, DateTime? ContributedAt);

/// <summary>
/// One order as its viewer may see it: the center in full; a unit without the caller's identity when the caller asked
/// for confidentiality (<c>callerHidden</c>); with the actions this viewer may take now and the order's history.
/// </summary>
public sealed record WorkOrderView(
    Guid Id, string Number, int Revision, WorkOrderStatus Status, WorkOrderChannel Channel, WorkOrderType Type, WorkOrderUrgency Urgency, string CategoryCode,
    string? CategoryName, string Content, string RegionCode, string? RegionName, string? Address, double? Latitude, double? Longitude,
    bool CallerHidden, string? CallerName, string? CallerPhone, bool Anonymous, bool Confidential, string? RelatedCaseNumber, DateTime RegisteredAt, string RegisteredBy,
    string? Answer, EmergencyService? ReferredTo, RefusalGround? RefusalGround, string? RightChannel, string? MasterNumber,
    Guid? LeadUnitId, string? LeadUnitName, IReadOnlyList<CoHandlerView> CoHandlers, bool AssignedByRuling, string? ReturnReason,
    DateTime? DispatchedAt, string? SignLimit, DateTime? SignDueAt, DateTime? SignedAt, bool SignedLate, string? HandlingLimit, DateTime? DueAt, int ExtendedWorkingDays,
    int? ExtensionRequestedDays, string? ExtensionReason, ReplyResult? ReplyResult, string? ReplyText, string? ReplyPlan, DateTime? RepliedAt, bool RepliedLate,
    DateTime? CallbackDueAt, CallbackMethod? CallbackMethod, bool? Resolved, Satisfaction? Satisfaction, string? ClosingNote, DateTime? ConcludedAt,
    int ReturnCount, int SendBackCount, int ReopenCount, IReadOnlyList<string> AvailableActions, IReadOnlyList<WorkOrderStep> History)
{
    /// <summary>The telephony's call id, when the order was registered from a reported call.</summary>
    public string? CallId { get; init; }
    /// <summary>The call center's reference of the call's recording.</summary>
    public string? RecordingRef { get; init; }
    /// <summary>The knowledge-base entry the order was answered with on the spot.</summary>
    public Guid? KnowledgeEntryId { get; init; }
    /// <summary>The caller's consent to publication as a typical order: null not asked, true given, false refused or withdrawn.</summary>
    public bool? PublicationConsent { get; init; }
    /// <summary>The files this viewer may open (ADR 0036): a unit does not see a confidential caller's own files or letter scans at all.</summary>
    public IReadOnlyList<WorkOrderFileView> Files { get; init; } = [];
}

public static class WorkOrderViews
{
    public static async Task<WorkOrderView> BuildAsync(OneWindowDbContext db, WorkOrder o, HotlineParty by, CancellationToken ct)
    {
        var unitIds = o.CoHandlers.Select(c => c.UnitId).ToList();
        if (o.LeadUnitId is { } lead)
        {
            unitIds.Add(lead);
        }
        var events = await db.Set<WorkOrderEvent>().AsNoTracking().Where(e => e.WorkOrderId == o.Id).OrderBy(e => e.Sequence).ToListAsync(ct);
        unitIds.AddRange(events.Where(e => e.UnitId is not null).Select(e => e.UnitId!.Value));
        var units = await HotlineUnits.NamesAsync(db, unitIds, ct);
        var category = await db.Set<HotlineCategory>().AsNoTracking().Where(c => c.Code == o.CategoryCode).Select(c => c.Name).FirstOrDefaultAsync(ct);
        var region = await db.Regions.AsNoTracking().Where(r => r.Code == o.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct);
        var hidden = !HotlineStaff.MaySeeCaller(by, o);
        return new WorkOrderView(o.Id, o.Number, o.Revision, o.Status, o.Channel, o.Type, o.Urgency, o.CategoryCode, category, o.Content, o.RegionCode, region, o.Address,
            o.Latitude, o.Longitude, hidden, hidden ? null : o.CallerName, hidden ? null : o.CallerPhone, o.Anonymous, o.Confidential, o.RelatedCaseNumber,
            o.RegisteredAt, o.RegisteredBy, o.Answer, o.ReferredTo, o.RefusalGround, o.RightChannel, o.MasterNumber,
            o.LeadUnitId, o.LeadUnitId is { } l ? units.GetValueOrDefault(l) : null,
            [.. o.CoHandlers.Select(c => new CoHandlerView(c.UnitId, units.GetValueOrDefault(c.UnitId), c.Contribution, c.ContributedAt))], o.AssignedByRuling, o.ReturnReason,
            o.DispatchedAt, o.SignDueAt is null ? null : new HotlineLimit(o.SignLimitWorkingDays, o.SignLimitHours).ToString(), o.SignDueAt, o.SignedAt, o.SignedLate,
            o.DueAt is null ? null : o.HandlingLimit.ToString(), o.DueAt, o.ExtendedWorkingDays, o.ExtensionRequestedDays, o.ExtensionReason,
            o.ReplyResult, o.ReplyText, o.ReplyPlan, o.RepliedAt, o.RepliedLate, o.CallbackDueAt, o.CallbackMethod, o.Resolved, o.Satisfaction, o.ClosingNote, o.ConcludedAt,
            o.ReturnCount, o.SendBackCount, o.ReopenCount, WorkOrderActions.For(by, o),
            [.. events.Select(e => new WorkOrderStep(e.Sequence, e.At, e.ActorName, e.UnitId is { } u ? units.GetValueOrDefault(u) : null, e.Action, e.FromStatus, e.ToStatus,
                e.Note))])
        {
            CallId = o.CallId, RecordingRef = o.RecordingRef, KnowledgeEntryId = o.KnowledgeEntryId, PublicationConsent = o.PublicationConsent,
            Files = await WorkOrderFiles.ListAsync(db, o, by, ct),
        };
    }
}

/// <summary>The actions a viewer may take on an order now: the page's forms and the API's <c>availableActions</c> (the same names as the routes).</summary>
public static class WorkOrderActions
{
    public const string Answer = "answer", Refer = "refer", Refuse = "refuse", Merge = "merge", Dispatch = "dispatch", Sign = "sign", Return = "return", Rule = "rule",
        Contact = "contact", Progress = "progress", Contribute = "contribute", Extend = "extend", DecideExtension = "decide-extension", Reply = "reply",
        Review = "review", Callback = "callback", Reopen = "reopen", Close = "close", Consent = "consent", Files = "files";

    public static IReadOnlyList<string> For(HotlineParty by, WorkOrder o)
    {
        var actions = new List<string>();
        if (by.IsCenter)
        {
            actions.AddRange(o.Status switch
            {
                WorkOrderStatus.Registered => [Answer, Refer, Refuse, Merge, Dispatch],
                WorkOrderStatus.ReturnRequested => [Rule],
                WorkOrderStatus.Handling when o.HasPendingExtension => [DecideExtension],
                WorkOrderStatus.Replied => [Review],
                WorkOrderStatus.AwaitingCallback => [Callback, Close],
                WorkOrderStatus.Unsatisfied => [Reopen, Close],
                _ => [],
            });
            actions.Add(Consent); // the caller's consent to publication, recorded or withdrawn at any time (ADR 0037)
            if (o.IsOpen)
            {
                actions.Add(Files); // 补充附件 (ADR 0036)
            }
            return actions;
        }
        if (by.UnitId is { } unit && unit == o.LeadUnitId)
        {
            actions.AddRange(o.Status switch
            {
                WorkOrderStatus.Dispatched => o.AssignedByRuling ? [Sign] : [Sign, Return],
                WorkOrderStatus.Handling => o.HasPendingExtension ? [Contact, Progress, Reply] : [Contact, Progress, Extend, Reply],
                _ => [],
            });
        }
        if (by.UnitId is { } co && o.CoHandlers.Any(c => c.UnitId == co) && o.Status is WorkOrderStatus.Dispatched or WorkOrderStatus.Handling)
        {
            actions.Add(Contribute);
        }
        return actions;
    }
}
