using System.Text.Json;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Catalog;
using OneWindow.Domain.Records;

namespace OneWindow.Domain.Cases;

/// <summary>
/// 办件: one application and everything that happens to it, with its legal clock. Every action checks the state,
/// appends a hash-chained event and recomputes the due dates from the working-day calendar. Time is a parameter.
/// </summary>
public sealed partial class Case
{
    /// <summary>Working days within which a correction notice must be given (行政许可法 §32).</summary>
    public const int IntakeNoticeWorkingDays = 5;
    /// <summary>The default one-time extension (§42); joint handling gets <see cref="CombinedItem.JointExtensionDays"/>.</summary>
    public const int DefaultExtensionDays = 10;

    private readonly List<CaseEvent> _events = [];

    private Case() { }

    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    /// <summary>The pinned item version, or for a joint case the combined item.</summary>
    public Guid ItemVersionId { get; private set; }
    public string ItemCode { get; private set; } = "";
    public string ItemName { get; private set; } = "";
    public Guid DepartmentId { get; private set; }
    public Guid? ReceivingVenueId { get; private set; }
    /// <summary>The window that took the application in (window intake); null online.</summary>
    public Guid? ReceivingWindowId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public CaseChannel Channel { get; private set; }
    /// <summary>Who applied, as given at intake (kept in the ApplicantKind, ApplicantName, … columns).</summary>
    public Applicant Applicant { get; private set; } = new(ApplicantKind.Person, "", "", "");
    public CaseStatus Status { get; private set; }
    /// <summary>The applicant's account when the application was made online; null for a window application.</summary>
    public string? ApplicantUserId { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public string? PreReviewNote { get; private set; }
    public CaseStatus? StatusBeforeSuspension { get; private set; }

    public bool IsInstant { get; private set; }
    /// <summary>A joint case (一件事): one intake, fee and delivery; its parts are handled by the departments in parallel.</summary>
    public bool IsJoint { get; private set; }
    /// <summary>For a part of a joint case: the joint case.</summary>
    public Guid? ParentCaseId { get; private set; }
    /// <summary>A joint case's pinned member versions, one part each, in the package's order.</summary>
    public IReadOnlyList<Guid> PartVersionIds { get; private set; } = [];
    /// <summary>A joint case's view of its parts, refreshed whenever a part moves.</summary>
    public IReadOnlyList<JointPart> Parts { get; private set; } = [];

    public CaseClocks Clocks { get; private set; } = new();
    public CasePayment Payment { get; private set; } = new();
    public CaseDecision Decision { get; private set; } = new();
    public CaseDelivery Delivery { get; private set; } = new();

    public DateTime CreatedAt { get; private set; }
    public DateTime? ReceivedAt { get; private set; }
    public DateTime? AcceptedAt { get; private set; }
    /// <summary>The next instant at which a clock of this case runs out (for sweeps); null when nothing runs.</summary>
    public DateTime? NextDeadlineAt { get; private set; }

    /// <summary>Whether the case is still open (persisted, so inboxes filter on an index).</summary>
    public bool Open { get; private set; } = true;
    /// <summary>
    /// The inbox order: the next deadline, or the far future when nothing runs (awaiting the applicant). Never null,
    /// so that keyset paging orders the same way on every database.
    /// </summary>
    public DateTime InboxDueAt { get; private set; } = NoDeadline;

    public static readonly DateTime NoDeadline = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    public int CorrectionNotices { get; private set; }
    public IReadOnlyList<string> MissingMaterials { get; private set; } = [];
    /// <summary>The materials the guide requires before acceptance, pinned with the case (<see cref="CaseTemplate.RequiredMaterials"/>).</summary>
    public IReadOnlyList<string> RequiredMaterials { get; private set; } = [];
    /// <summary>The materials handed in so far: at receipt, with an online submission, and with each supplement.</summary>
    public IReadOnlyList<string> MaterialsReceived { get; private set; } = [];
    /// <summary>The required materials not handed in yet: acceptance waits for them (a correction notice asks for them).</summary>
    public IReadOnlyList<string> RequiredMaterialsMissing => [.. RequiredMaterials.Except(MaterialsReceived, StringComparer.Ordinal)];
    /// <summary>The required materials the guide lets the window defer (容缺受理), pinned with the case.</summary>
    public IReadOnlyList<string> DeferrableMaterials { get; private set; } = [];
    /// <summary>The materials accepted as deferred (容缺), against the applicant's written commitment.</summary>
    public IReadOnlyList<string> DeferredMaterials { get; private set; } = [];
    /// <summary>The day (Beijing) by which the applicant committed to hand in the deferred materials.</summary>
    public DateOnly? DeferredUntil { get; private set; }
    /// <summary>The deferred materials not handed in yet: a grant waits for them.</summary>
    public IReadOnlyList<string> DeferredMaterialsMissing => [.. DeferredMaterials.Except(MaterialsReceived, StringComparer.Ordinal)];
    /// <summary>The result's validity in months and what its scope is called, pinned from the guide (null: none).</summary>
    public int? ResultValidityMonths { get; private set; }
    public string? ResultScopeLabel { get; private set; }

    /// <summary>
    /// The answers to the application form (申请表, 一表通) by field key, as checked against the guide's form (a package's
    /// merged form; a part keeps the answers to its own item's fields). The record binds them by a keyed digest.
    /// </summary>
    public IReadOnlyDictionary<string, string> FormAnswers { get; private set; } = NoAnswers;

    private static readonly IReadOnlyDictionary<string, string> NoAnswers = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The enterprise the application is for, by its form: the name a founder registers before it exists.</summary>
    public string? EnterpriseName => FormAnswers.TryGetValue(ApplicationForm.EnterpriseNameKey, out var name) ? name : null;
    public IReadOnlyList<CaseNode> Nodes { get; private set; } = [];
    public int CurrentNodeIndex { get; private set; }
    /// <summary>Who has the case in hand at its current node (claimed or handed over); null when it waits in the role's pool.</summary>
    public string? AssigneeId { get; private set; }
    public string? AssigneeName { get; private set; }

    public DateTime? ConcludedAt { get; private set; }
    public string? ClosingReason { get; private set; }

    /// <summary>Optimistic concurrency token: two people acting on one case at once cannot both succeed.</summary>
    public int Revision { get; private set; }
    /// <summary>The seal of the case's last sealed event (its record's head).</summary>
    public string LastEventHash { get; private set; } = CaseEvent.GenesisHash;
    public int EventCount { get; private set; }
    /// <summary>The events appended since the case was loaded (persisted with the case in one transaction).</summary>
    public IReadOnlyList<CaseEvent> NewEvents => _events;

    /// <summary>Whether events were appended that are not sealed yet.</summary>
    public bool HasUnsealedEvents => _events.Count > 0 && !_events[^1].IsSealed;

    /// <summary>Seals the events appended since the last seal, in order, under the ring's current key (done as they are saved).</summary>
    public void SealNewEvents(RecordKeyRing keys)
    {
        var unsealed = _events.Where(e => !e.IsSealed).ToList();
        foreach (var e in unsealed)
        {
            e.BindApplicant(keys);
        }
        LastEventHash = EventChain.Seal(unsealed, LastEventHash, keys);
    }

    /// <summary>
    /// Seals a case's record written before record keys existed, after its unkeyed chain was checked whole: the
    /// upgrade's one step (<paramref name="events"/> are the case's loaded events, in order).
    /// </summary>
    public void ResealLegacyRecord(IReadOnlyList<CaseEvent> events, RecordKeyRing keys)
    {
        var head = EventChain.GenesisHash;
        foreach (var e in events)
        {
            e.ResealLegacy(head, keys);
            head = e.Hash;
        }
        LastEventHash = head;
    }

    public bool IsOpen => Status is not (CaseStatus.Concluded or CaseStatus.RejectedAtIntake or CaseStatus.Withdrawn or CaseStatus.Terminated);

    /// <summary>Registers an application handed in at a window (or by a town or village room for the county): it is received.</summary>
    public static Case Receive(string number, ServiceItemVersion version, Applicant applicant, CaseChannel channel, Guid? receivingVenueId, string regionCode,
        IReadOnlyList<string> materialsProvided, Actor clerk, DateTime now, WorkingDayCalendar calendar) =>
        Receive(number, CaseTemplate.ForItem(version), applicant, channel, receivingVenueId, regionCode, materialsProvided, clerk, now, calendar);

    /// <summary>Registers an application for an item or, with a combined template, a joint case (一件事): it is received.</summary>
    /// <param name="form">The answers to the application form: all its required fields, each valid (一表通).</param>
    public static Case Receive(string number, CaseTemplate template, Applicant applicant, CaseChannel channel, Guid? receivingVenueId, string regionCode,
        IReadOnlyList<string> materialsProvided, Actor clerk, DateTime now, WorkingDayCalendar calendar, Guid? windowId = null,
        IReadOnlyDictionary<string, string?>? form = null)
    {
        var materials = CaseInput.Names(materialsProvided, "materialsProvided");
        var answers = ApplicationForm.Check(template.Form, form, complete: true, ChinaTime.DateOf(now));
        var c = NewCase(number, template, applicant, channel, receivingVenueId, regionCode, now);
        c.ReceivingWindowId = windowId;
        c.MaterialsReceived = materials;
        c.MarkReceived(now, calendar);
        c.Append(clerk, now, "received", null, CaseStatus.Received, c.Nodes[0].Name, null, c.Establishing(new { materials, channel, number }), applicant);
        c.SetForm(answers);
        return c;
    }

    /// <summary>The answers the last event appended sets: kept on the case and bound into that event's seal.</summary>
    private void SetForm(IReadOnlyDictionary<string, string> answers)
    {
        FormAnswers = answers;
        if (answers.Count > 0)
        {
            _events[^1].SetsForm(answers);
        }
    }

    private static Case NewCase(string number, CaseTemplate template, Applicant applicant, CaseChannel channel, Guid? receivingVenueId, string regionCode, DateTime now)
    {
        if (template.Nodes.Count == 0)
        {
            throw new DomainRuleException("case.item-without-nodes", "该事项没有办理环节，无法受理。");
        }
        return new Case
        {
            Id = Guid.CreateVersion7(now),
            Number = number,
            ItemVersionId = template.SourceId,
            ItemCode = template.Code,
            ItemName = template.Name,
            DepartmentId = template.DepartmentId,
            ReceivingVenueId = receivingVenueId,
            RegionCode = regionCode,
            Channel = channel,
            Applicant = applicant,
            IsInstant = template.IsInstant,
            IsJoint = template.IsJoint,
            PartVersionIds = template.PartVersionIds,
            Clocks = { PromisedLimitDays = template.PromisedLimitDays, StatutoryLimitDays = template.StatutoryLimitDays },
            CreatedAt = now,
            Nodes = template.Nodes,
            Payment = { Fees = template.Fees },
            RequiredMaterials = template.RequiredMaterials,
            DeferrableMaterials = template.DeferrableMaterials,
            ResultValidityMonths = template.ResultValidityMonths,
            ResultScopeLabel = template.ResultScopeLabel,
        };
    }

    /// <summary>受理: the legal clock starts (from the receipt when the notice period has passed without a notice).</summary>
    /// <param name="deferral">容缺受理: accept with the missing materials the guide lets be deferred, against the applicant's written commitment.</param>
    public void Accept(Actor clerk, DateTime now, WorkingDayCalendar calendar, string? opinion = null, MaterialDeferral? deferral = null)
    {
        Authorize(CaseActionNames.Accept, clerk);
        Require(CaseStatus.Received, "case.not-received", "只有已收件的申请才能受理。");
        // The notice 受理 prints says the materials are complete: with a required one missing that would be untrue.
        // The law's own deemed acceptance (no notice within five working days, §32) is the system's and stands.
        var deferred = clerk == Actor.System ? [] : CheckDeferral(deferral, now, calendar);
        var deemed = now >= Clocks.IntakeDueAt;
        AcceptedAt = now;
        Clocks.DeemedAccepted = deemed;
        Clocks.ClockStartAt = deemed ? ReceivedAt : now;
        CompleteNode(0, clerk, now, opinion);
        StartNode(1, now, calendar);
        var from = Status;
        Status = CaseStatus.Accepted;
        DeferredMaterials = deferred;
        DeferredUntil = deferred.Count > 0 ? deferral!.Until : null;
        Recompute(now, calendar);
        Append(clerk, now, "accepted", from, Status, Nodes[0].Name, opinion, deferred.Count > 0
            ? new { deemed, clockStartAt = Clocks.ClockStartAt, deferred, deferredUntil = DeferredUntil }
            : new { deemed, clockStartAt = Clocks.ClockStartAt });
    }

    /// <summary>
    /// 视为受理: the notice period passed without a correction notice, so the application counts as accepted from the
    /// day it was received (§32). Called by the intake sweep.
    /// </summary>
    public void DeemAccepted(DateTime now, WorkingDayCalendar calendar)
    {
        Require(CaseStatus.Received, "case.not-received", "只有已收件的申请才能视为受理。");
        if (now < Clocks.IntakeDueAt)
        {
            throw new DomainRuleException("case.intake-period-running", "补正告知期限尚未届满。");
        }
        Accept(Actor.System, now, calendar, "五个工作日内未告知补正，自收到申请材料之日起视为受理");
    }

    /// <summary>一次性告知: everything missing, at once. A second notice needs a recorded reason (a supervision event).</summary>
    public void RequestCorrection(IReadOnlyList<string> missing, string? secondNoticeReason, Actor clerk, DateTime now)
    {
        Authorize(CaseActionNames.Correction, clerk);
        Require(CaseStatus.Received, "case.not-received", "只有已收件、尚未受理的申请才能告知补正。");
        var items = CaseInput.Names(missing, "missing");
        CaseInput.CheckLength(secondNoticeReason, "reason", CaseInput.LongText);
        if (items.Count == 0)
        {
            throw new DomainRuleException("case.missing-required", "请列出需要补正的全部材料。", "missing");
        }
        if (now >= Clocks.IntakeDueAt)
        {
            throw new DomainRuleException("case.correction-notice-late", "已超过五个工作日的补正告知期限，依法视为受理，请直接受理。");
        }
        if (CorrectionNotices > 0 && string.IsNullOrWhiteSpace(secondNoticeReason))
        {
            throw new DomainRuleException("case.second-correction-notice", "一次性告知制度：同一申请再次告知补正须记录理由。", "reason");
        }
        CorrectionNotices++;
        MissingMaterials = items;
        var from = Status;
        Status = CaseStatus.AwaitingCorrection;
        NextDeadlineAt = null;
        Append(clerk, now, "correction-requested", from, Status, Nodes[0].Name, secondNoticeReason, new { missing = items, notice = CorrectionNotices });
    }

    /// <summary>补齐材料: the application is received again, complete, and a new notice period runs.</summary>
    public void Supplement(IReadOnlyList<string> provided, Actor actor, DateTime now, WorkingDayCalendar calendar)
    {
        Authorize(CaseActionNames.Supplement, actor);
        Require(CaseStatus.AwaitingCorrection, "case.not-awaiting-correction", "该申请不在待补正状态。");
        var items = CaseInput.Names(provided, "provided");
        var from = Status;
        MaterialsReceived = [.. MaterialsReceived.Union(items, StringComparer.Ordinal)];
        MarkReceived(now, calendar);
        Append(actor, now, "supplemented", from, Status, Nodes[0].Name, null, new { provided = items });
    }

    /// <summary>不予受理: with the legal reason and the agency the applicant should go to.</summary>
    public void RejectAtIntake(string reason, string? referTo, Actor clerk, DateTime now)
    {
        Authorize(CaseActionNames.Reject, clerk);
        if (Status is not (CaseStatus.Received or CaseStatus.AwaitingCorrection))
        {
            throw new DomainRuleException("case.not-received", "只有尚未受理的申请才能不予受理。");
        }
        RequireText(reason, "case.reason-required", "不予受理须写明理由和法律依据。", "reason");
        CaseInput.CheckLength(referTo, "referTo", CaseInput.ShortText);
        var from = Status;
        Status = CaseStatus.RejectedAtIntake;
        ClosingReason = reason.Trim();
        ConcludedAt = now;
        NextDeadlineAt = null;
        Append(clerk, now, "rejected-at-intake", from, Status, Nodes[0].Name, reason, new { referTo });
    }

    private void MarkReceived(DateTime now, WorkingDayCalendar calendar)
    {
        ReceivedAt = now;
        Clocks.IntakeDueAt = LegalClock.Due(calendar, now, IntakeNoticeWorkingDays).DueAtUtc;
        Status = CaseStatus.Received;
        NextDeadlineAt = Clocks.IntakeDueAt;
    }

    private void Require(CaseStatus status, string code, string message)
    {
        if (Status != status)
        {
            throw new DomainRuleException(code, message);
        }
    }

    private static void RequireText(string? text, string code, string message, string field, int max = CaseInput.LongText)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException(code, message, field);
        }
        CaseInput.CheckLength(text, field, max);
    }

    /// <summary>
    /// The data of an event that makes a case: the details given, with what the case is made with and the record
    /// replays (department, receiving venue, region, the limits), so that none of them can change unnoticed.
    /// </summary>
    private Dictionary<string, object?> Establishing(object details)
    {
        var data = JsonSerializer.SerializeToNode(details, EventJson)!.AsObject().ToDictionary(p => p.Key, p => (object?)p.Value?.DeepClone());
        data["department"] = DepartmentId;
        data["venue"] = ReceivingVenueId;
        data["region"] = RegionCode;
        data["promisedLimitDays"] = Clocks.PromisedLimitDays;
        data["statutoryLimitDays"] = Clocks.StatutoryLimitDays;
        return data;
    }

    private void Append(Actor actor, DateTime now, string action, CaseStatus? from, CaseStatus to, string? node, string? opinion, object? data, Applicant? establishes = null)
    {
        // The last guard for every action: whatever text an action forgot to bound cannot enter the record.
        CaseInput.CheckLength(opinion, "opinion", CaseInput.LongText);
        var json = data is null ? null : JsonSerializer.Serialize(data, EventJson);
        CaseInput.CheckLength(json, "data", CaseInput.MaxEventData);
        var e = CaseEvent.Create(Id, EventCount + 1, now, actor, action, from, to, node, opinion, json, establishes);
        _events.Add(e);
        EventCount = e.Sequence;
        Revision++;
        // Drafts and returned submissions are in the applicant's hands: not in any staff inbox.
        Open = IsOpen && Status is not (CaseStatus.Draft or CaseStatus.ReturnedForCorrection);
        InboxDueAt = Open ? NextDeadlineAt ?? NoDeadline : ConcludedAt ?? now;
    }

    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
