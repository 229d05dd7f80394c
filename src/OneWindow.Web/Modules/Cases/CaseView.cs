using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Records;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;

namespace OneWindow.Web.Modules.Cases;

public sealed record JointPartView(string Number, string ItemCode, string ItemName, string DepartmentName, CaseStatus Status, DecisionOutcome? Decision, string? DecisionReason)
{
    /// <summary>The number of the part's own result, once issued.</summary>
    public string? ResultNumber { get; init; }
}

/// <summary>The departments a case names (its own and its parts'), for pages and views that show a joint case's parts.</summary>
public static class CaseDepartments
{
    public static Task<Dictionary<Guid, string>> NamesAsync(OneWindowDbContext db, Case c, CancellationToken ct) =>
        NamesAsync(db, [.. c.Parts.Select(p => p.DepartmentId).Append(c.DepartmentId)], ct);

    /// <summary>The names of the given departments (a page's worth of rows).</summary>
    public static Task<Dictionary<Guid, string>> NamesAsync(OneWindowDbContext db, IReadOnlyCollection<Guid> departmentIds, CancellationToken ct)
    {
        var ids = departmentIds.Distinct().ToList();
        if (ids.Count == 1)
        {
            // The common case (a case of one department): a compiled key lookup, not a list parameter to unpack.
            return OneAsync(db, ids[0]);
        }
        return db.Departments.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
    }

    private static async Task<Dictionary<Guid, string>> OneAsync(OneWindowDbContext db, Guid id)
    {
        var name = await IntakeQueries.DepartmentName(db, id);
        return name is null ? [] : new Dictionary<Guid, string> { [id] = name };
    }

    public static IReadOnlyList<JointPartView> Parts(Case c, IReadOnlyDictionary<Guid, string> names) =>
        [.. c.Parts.Select(p => new JointPartView(p.Number, p.ItemCode, p.ItemName, names.GetValueOrDefault(p.DepartmentId) ?? "", p.Status, p.Decision, p.DecisionReason)
        {
            ResultNumber = p.ResultNumber,
        })];
}

public sealed record CaseFileView(Guid Id, string MaterialName, string FileName, long Length, DateTime UploadedAt, string UploadedBy);

public sealed record CaseEventView(int Sequence, DateTime At, string ActorName, string ActorRole, string Action, CaseStatus? FromStatus, CaseStatus ToStatus, string? Node, string? Opinion, string? Data, string Hash);

/// <summary>A case as staff and the API see it: personal numbers masked, both clocks read now, the timeline and its verification.</summary>
public sealed record CaseView(
    string Number,
    int Revision,
    string ItemCode,
    string ItemName,
    string DepartmentName,
    CaseStatus Status,
    CaseChannel Channel,
    ApplicantKind ApplicantKind,
    string ApplicantName,
    string ApplicantIdNumber,
    string ApplicantPhone,
    bool IsInstant,
    int PromisedLimitDays,
    int StatutoryLimitDays,
    int ExtensionDays,
    DateTime? ReceivedAt,
    DateTime? IntakeDueAt,
    DateTime? AcceptedAt,
    bool DeemedAccepted,
    ClockReading Promised,
    ClockReading Statutory,
    string? CurrentNode,
    string? AssigneeName,
    IReadOnlyList<CaseNode> Nodes,
    IReadOnlyList<ClockPause> Pauses,
    IReadOnlyList<string> MissingMaterials,
    int CorrectionNotices,
    IReadOnlyList<CaseFee> Fees,
    decimal StandardFeeTotal,
    decimal? PaidAmount,
    string? ReceiptNumber,
    DecisionOutcome? Decision,
    string? DecisionReason,
    string? ResultNumber,
    DeliveryMethod? DeliveryMethod,
    string? DeliveryReference,
    DateTime? ConcludedAt,
    string? ClosingReason,
    IReadOnlyList<CaseEventView> Events,
    ChainVerification Chain,
    DateTime? SubmittedAt,
    DateTime? PreReviewDueAt,
    bool IsJoint,
    IReadOnlyList<JointPartView> Parts,
    string? JointNumber,
    IReadOnlyList<CaseFileView> Files,
    bool DueDatesProvisional)
{
    /// <summary>
    /// The actions the person who asked may take now (the domain's rule: the case's state and their roles); null in
    /// answers not made for a member of staff.
    /// </summary>
    public IReadOnlyList<string>? AvailableActions { get; init; }

    /// <summary>The materials handed in so far (at receipt, online, with supplements).</summary>
    public IReadOnlyList<string> MaterialsReceived { get; init; } = [];

    /// <summary>The materials the guide requires before acceptance that were not handed in: acceptance waits for them.</summary>
    public IReadOnlyList<string> RequiredMaterialsMissing { get; init; } = [];

    /// <summary>Whether everything missing may be deferred (容缺受理) on the applicant's written commitment.</summary>
    public bool MayAcceptWithDeferral { get; init; }

    /// <summary>容缺受理: the materials deferred at acceptance, the day committed to, and those still to come.</summary>
    public IReadOnlyList<string> DeferredMaterials { get; init; } = [];
    public DateOnly? DeferredUntil { get; init; }
    public IReadOnlyList<string> DeferredMaterialsMissing { get; init; } = [];

    /// <summary>What the result's scope is called, the scope granted, and the last day the result is valid.</summary>
    public string? ResultScopeLabel { get; init; }
    public string? DecisionScope { get; init; }
    public DateOnly? ValidUntil { get; init; }
    /// <summary>How the applicant asked to receive the result when applying online (the delivery step's default), and where to post it.</summary>
    public DeliveryMethod? DeliveryRequested { get; init; }

    public string? DeliveryAddress { get; init; }

    /// <summary>The answers to the application form by field key (一表通), and the enterprise the application is for by them.</summary>
    public IReadOnlyDictionary<string, string> Form { get; init; } = new Dictionary<string, string>();
    public string? EnterpriseName { get; init; }

    public static Task<CaseView> BuildAsync(OneWindowDbContext db, RegionCalendars calendars, RecordKeyRing keys, Case c, DateTime now, CancellationToken ct) =>
        BuildAsync(db, calendars, keys, c, now, null, ct);

    /// <summary>
    /// An event's data as staff and the API see it: without the unkeyed digest of the applicant that one earlier
    /// release wrote (a SHA-256 prefix of the name, ID number and phone, against which candidates could be tried
    /// offline); the record check still reads it from the stored event. The keyed digest written since stays: it
    /// tells nothing without the record key (ADR 0017).
    /// </summary>
    public static string? Shown(string? data)
    {
        if (data is null || !data.Contains("\"" + CaseEvent.LegacyApplicantProperty + "\"", StringComparison.Ordinal))
        {
            return data;
        }
        var node = System.Text.Json.Nodes.JsonNode.Parse(data);
        if (node is not System.Text.Json.Nodes.JsonObject json || !json.Remove(CaseEvent.LegacyApplicantProperty))
        {
            return data;
        }
        return json.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <param name="departmentName">The name of the case's department when the caller has just read it (a registration), else null.</param>
    public static async Task<CaseView> BuildAsync(OneWindowDbContext db, RegionCalendars calendars, RecordKeyRing keys, Case c, DateTime now, string? departmentName, CancellationToken ct)
    {
        var calendar = await calendars.ForRegionAsync(c.RegionCode);
        // A case written whole in this unit of work (just received) is not read back: its events and files are the
        // ones this context holds.
        var writtenHere = c.EventCount > 0 && c.NewEvents.Count == c.EventCount;
        var events = writtenHere
            ? [.. c.NewEvents.OrderBy(e => e.Sequence)]
            : await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Sequence).ToListAsync(ct);
        var departments = departmentName is not null && c.Parts.Count == 0
            ? new Dictionary<Guid, string> { [c.DepartmentId] = departmentName }
            : await CaseDepartments.NamesAsync(db, c, ct);
        var department = departments.GetValueOrDefault(c.DepartmentId) ?? "";
        var jointNumber = c.ParentCaseId is { } parentId ? await db.Cases.AsNoTracking().Where(p => p.Id == parentId).Select(p => p.Number).FirstOrDefaultAsync(ct) : null;
        var files = writtenHere
            ? [.. db.ChangeTracker.Entries<CaseFile>().Select(e => e.Entity).Where(f => f.CaseId == c.Id).OrderBy(f => f.UploadedAt)]
            : await CaseFiles.ForHandlingAsync(db, c, ct);
        return new CaseView(
            c.Number, c.Revision, c.ItemCode, c.ItemName, department, c.Status, c.Channel,
            c.Applicant.Kind, c.Applicant.Name, c.Applicant.MaskedIdentityNumber, c.Applicant.MaskedPhone,
            c.IsInstant, c.Clocks.PromisedLimitDays, c.Clocks.StatutoryLimitDays, c.Clocks.ExtensionDays,
            c.ReceivedAt, c.Clocks.IntakeDueAt, c.AcceptedAt, c.Clocks.DeemedAccepted,
            c.ReadPromised(now, calendar), c.ReadStatutory(now, calendar),
            c.CurrentNode?.Name, c.AssigneeName, c.Nodes, c.Clocks.Pauses, c.MissingMaterials, c.CorrectionNotices, c.Payment.Fees, c.StandardFeeTotal, c.Payment.PaidAmount, c.Payment.ReceiptNumber,
            c.Decision.Outcome, c.Decision.Reason, c.Decision.ResultNumber, c.Delivery.Method, c.Delivery.Reference, c.ConcludedAt, c.ClosingReason,
            [.. events.Select(e => new CaseEventView(e.Sequence, e.At, e.ActorName, e.ActorRole, e.Action, e.FromStatus, e.ToStatus, e.Node, e.Opinion, Shown(e.Data), e.Hash))],
            CaseRecordCheck.Verify(c, events, keys),
            c.SubmittedAt, c.Clocks.PreReviewDueAt, c.IsJoint,
            CaseDepartments.Parts(c, departments),
            jointNumber,
            [.. files.Select(f => new CaseFileView(f.Id, f.MaterialName, f.FileName, f.Length, f.UploadedAt, f.UploadedBy))],
            c.HasProvisionalDueDates(calendar))
        {
            MaterialsReceived = c.MaterialsReceived,
            RequiredMaterialsMissing = c.RequiredMaterialsMissing,
            MayAcceptWithDeferral = c.MayAcceptWithDeferral,
            DeferredMaterials = c.DeferredMaterials,
            DeferredUntil = c.DeferredUntil,
            DeferredMaterialsMissing = c.DeferredMaterialsMissing,
            ResultScopeLabel = c.ResultScopeLabel,
            DecisionScope = c.Decision.Scope,
            ValidUntil = c.Decision.ValidUntil,
            DeliveryRequested = c.Delivery.Requested,
            DeliveryAddress = c.Delivery.Address,
            Form = c.FormAnswers,
            EnterpriseName = c.EnterpriseName,
        };
    }
}
