using System.Text.Json;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Organization;
using OneWindow.Domain.Records;

namespace OneWindow.Domain.Hotline;

/// <summary>What is taken in for a new work order (受理登记).</summary>
public sealed record WorkOrderIntake(
    WorkOrderChannel Channel,
    WorkOrderType Type,
    string CategoryCode,
    string Content,
    string RegionCode,
    string? Address = null,
    double? Latitude = null,
    double? Longitude = null,
    string? CallerName = null,
    string? CallerPhone = null,
    bool Anonymous = false,
    bool Confidential = false,
    WorkOrderUrgency Urgency = WorkOrderUrgency.Normal,
    string? RelatedCaseNumber = null,
    string? CallId = null,
    string? RecordingRef = null,
    bool? PublicationConsent = null);

/// <summary>A co-handler (协办单位) of a dispatched order and what it contributed to the lead unit.</summary>
public sealed record CoHandler(Guid UnitId, string? Contribution = null, DateTime? ContributedAt = null);

/// <summary>
/// 12345 工单: a call or message to the hotline and everything that happens to it until it is concluded. The operator
/// answers it on the spot, refers an emergency, refuses it on a statutory ground, merges it into an open order of the
/// same matter, or dispatches it to a lead unit (主办) with co-handlers (协办). The unit signs for it or objects; the
/// center rules on an objection; the unit handles it and replies; the center reviews the reply, calls the caller back,
/// and reopens an order the caller is not satisfied with or closes it. Each action is checked against the state and
/// against who takes it (<see cref="HotlineParty"/>) and appended to the order's sealed record. The limits
/// (<see cref="SignDueAt"/>, <see cref="DueAt"/>, <see cref="CallbackDueAt"/>) are what supervision will watch.
/// </summary>
public sealed partial class WorkOrder : IChainedRecord
{
    public const int MaxContentLength = 2000;
    public const int MaxNoteLength = 2000;
    public const int MaxNumberLength = 40;

    private readonly List<WorkOrderEvent> _events = [];

    private WorkOrder() { }

    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    public WorkOrderChannel Channel { get; private set; }
    public WorkOrderType Type { get; private set; }
    public string CategoryCode { get; private set; } = "";
    public WorkOrderUrgency Urgency { get; private set; }
    public string Content { get; private set; } = "";
    public string RegionCode { get; private set; } = "";
    public string? Address { get; private set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public string? CallerName { get; private set; }
    /// <summary>
    /// A caller's phone as orders keep it and the caller's history is found by: its digits only, so that 0735-6361888 and
    /// 07356361888 are one caller. Null when it has none.
    /// </summary>
    public static string? CallerPhoneKey(string? phone) =>
        phone is null ? null : new string([.. phone.Where(char.IsAsciiDigit)]) is { Length: > 0 } digits ? digits : null;

    public string? CallerPhone { get; private set; }
    /// <summary>The phone's last four digits, for tracking and rating online (an index would not help on the whole number).</summary>
    public string? CallerPhoneTail { get; private set; }
    public bool Anonymous { get; private set; }
    /// <summary>保密: the caller's identity is never shown to the handling units.</summary>
    public bool Confidential { get; private set; }
    public string? RelatedCaseNumber { get; private set; }
    /// <summary>The telephony's id of the call the order was registered from, when it came by a reported call.</summary>
    public string? CallId { get; private set; }
    /// <summary>Where the call center keeps the call's recording (its own reference; the recording stays there).</summary>
    public string? RecordingRef { get; private set; }
    /// <summary>The knowledge-base entry the operator answered with, when the order was closed on the spot with one.</summary>
    public Guid? KnowledgeEntryId { get; private set; }
    public const int MaxCallIdLength = 64, MaxRecordingRefLength = 200;
    public DateTime RegisteredAt { get; private set; }
    public string RegisteredBy { get; private set; } = "";
    public WorkOrderStatus Status { get; private set; }

    // The operator's first choice.
    public string? Answer { get; private set; }
    public EmergencyService? ReferredTo { get; private set; }
    public RefusalGround? RefusalGround { get; private set; }
    public string? RightChannel { get; private set; }
    public Guid? MasterOrderId { get; private set; }
    public string? MasterNumber { get; private set; }

    // Dispatch and handling.
    public Guid? LeadUnitId { get; private set; }
    public IReadOnlyList<CoHandler> CoHandlers { get; private set; } = [];
    public DateTime? DispatchedAt { get; private set; }
    public int? SignLimitWorkingDays { get; private set; }
    public int? SignLimitHours { get; private set; }
    public DateTime? SignDueAt { get; private set; }
    public DateTime? SignedAt { get; private set; }
    public int? HandlingLimitWorkingDays { get; private set; }
    public int? HandlingLimitHours { get; private set; }
    /// <summary>When the handling period began: the dispatch, or the reopening.</summary>
    public DateTime? HandlingFrom { get; private set; }
    public DateTime? DueAt { get; private set; }
    public int ExtendedWorkingDays { get; private set; }
    public int? ExtensionRequestedDays { get; private set; }
    public string? ExtensionReason { get; private set; }
    public string? ReturnReason { get; private set; }
    /// <summary>The center assigned the lead unit by ruling on an objection: it may not return the order again (潍坊 §22).</summary>
    public bool AssignedByRuling { get; private set; }
    public int ReturnCount { get; private set; }

    // Reply, review, callback.
    public ReplyResult? ReplyResult { get; private set; }
    public string? ReplyText { get; private set; }
    public string? ReplyPlan { get; private set; }
    public DateTime? RepliedAt { get; private set; }
    public int SendBackCount { get; private set; }
    public DateTime? CallbackDueAt { get; private set; }
    public DateTime? CalledBackAt { get; private set; }
    public CallbackMethod? CallbackMethod { get; private set; }
    public bool? Resolved { get; private set; }
    public Satisfaction? Satisfaction { get; private set; }
    public int ReopenCount { get; private set; }
    public string? ClosingNote { get; private set; }
    public DateTime? ConcludedAt { get; private set; }

    /// <summary>Optimistic concurrency token: two people acting on one order at once cannot both succeed.</summary>
    public int Revision { get; private set; }
    public string LastEventHash { get; private set; } = EventChain.GenesisHash;
    public int EventCount { get; private set; }

    /// <summary>The events appended since the order was loaded (saved with it in one transaction).</summary>
    public IReadOnlyList<WorkOrderEvent> NewEvents => _events;

    public bool HasUnsealedEvents => _events.Count > 0 && !_events[^1].IsSealed;

    public void SealNewEvents(RecordKeyRing keys) =>
        LastEventHash = EventChain.Seal(_events.Where(e => !e.IsSealed).ToList(), LastEventHash, keys);

    /// <summary>
    /// The instant the order is sorted by in the queue it is in now (kept with every action, so each queue reads an index
    /// in order): the registration while it waits for the operator, the limit to sign for or to reply while a unit has
    /// it, the reply while it waits for review, the callback's limit, the callback, and the end.
    /// </summary>
    public DateTime QueueAt { get; private set; }

    /// <summary>Whether the order is on its lead unit's desk (to sign for, objected to, or in handling): the unit's inbox.</summary>
    public bool AtUnit { get; private set; }

    /// <summary>Whether the order is still in the loop (not answered, referred, refused, merged or concluded).</summary>
    public bool IsOpen => Status is WorkOrderStatus.Registered or WorkOrderStatus.Dispatched or WorkOrderStatus.ReturnRequested or WorkOrderStatus.Handling
        or WorkOrderStatus.Replied or WorkOrderStatus.AwaitingCallback or WorkOrderStatus.Unsatisfied;

    /// <summary>The nearest limit still running: signing for, replying, or calling back (the inboxes' order, supervision's sweep).</summary>
    public DateTime? NextDeadlineAt => Status switch
    {
        WorkOrderStatus.Dispatched => SignDueAt,
        WorkOrderStatus.ReturnRequested => SignDueAt,
        WorkOrderStatus.Handling => DueAt,
        WorkOrderStatus.AwaitingCallback => CallbackDueAt,
        _ => null,
    };

    public bool SignedLate => SignedAt is { } s && SignDueAt is { } d && s >= d;

    public bool RepliedLate => RepliedAt is { } r && DueAt is { } d && r >= d;

    public bool HasPendingExtension => ExtensionRequestedDays is not null;

    /// <summary>Whether <paramref name="unitId"/> is the lead unit or a co-handler of the order.</summary>
    public bool Involves(Guid unitId) => LeadUnitId == unitId || CoHandlers.Any(c => c.UnitId == unitId);

    /// <summary>受理登记: the order as the operator (or the public form, or another system) took it in, numbered.</summary>
    public static WorkOrder Register(WorkOrderIntake intake, string number, HotlineParty by, DateTime now)
    {
        if (!Enum.IsDefined(intake.Channel))
        {
            throw new DomainRuleException("hotline.channel-invalid", "请选择受理渠道。", "channel");
        }
        if (!Enum.IsDefined(intake.Type))
        {
            throw new DomainRuleException("hotline.type-invalid", "请选择诉求类型。", "type");
        }
        if (!Enum.IsDefined(intake.Urgency))
        {
            throw new DomainRuleException("hotline.urgency-invalid", "请选择紧急程度。", "urgency");
        }
        if (string.IsNullOrWhiteSpace(intake.CategoryCode) || intake.CategoryCode.Trim().Length > HotlineCategory.MaxCodeLength)
        {
            throw new DomainRuleException("hotline.category-required", "请选择诉求分类。", "categoryCode");
        }
        if (intake.RegionCode?.Trim().Length != 12 || !Organization.RegionCode.TryParse(intake.RegionCode, out var region))
        {
            throw new DomainRuleException("hotline.region-invalid", "请选择诉求所在的行政区划（12 位区划代码）。", "regionCode");
        }
        if (intake.Latitude is { } lat && lat is < -90 or > 90 || intake.Longitude is { } lng && lng is < -180 or > 180 || (intake.Latitude is null) != (intake.Longitude is null))
        {
            throw new DomainRuleException("hotline.location-invalid", "经纬度不正确：纬度 −90~90，经度 −180~180，须成对填写。", "latitude");
        }
        var written = Optional(intake.CallerPhone, 20, "callerPhone");
        if (written is not null && !(written.All(ch => char.IsAsciiDigit(ch) || ch is '-' or ' ') && written.Count(char.IsAsciiDigit) >= 5))
        {
            throw new DomainRuleException("hotline.phone-invalid", "联系电话格式不正确。", "callerPhone");
        }
        var phone = CallerPhoneKey(written);
        if (!intake.Anonymous && phone is null)
        {
            throw new DomainRuleException("hotline.phone-required", "请留下联系电话，便于答复和回访；也可以匿名反映。", "callerPhone");
        }
        var digits = phone ?? "";
        var order = new WorkOrder
        {
            Id = Guid.CreateVersion7(now),
            Number = Required(number, MaxNumberLength, "工单编号缺失。", "number"),
            Channel = intake.Channel,
            Type = intake.Type,
            CategoryCode = intake.CategoryCode.Trim(),
            Urgency = intake.Urgency,
            Content = Required(intake.Content, MaxContentLength, "请写明反映的事项和诉求。", "content"),
            RegionCode = region.Value,
            Address = Optional(intake.Address, 200, "address"),
            Latitude = intake.Latitude,
            Longitude = intake.Longitude,
            CallerName = intake.Anonymous ? null : Optional(intake.CallerName, 50, "callerName"),
            CallerPhone = phone,
            CallerPhoneTail = digits.Length >= 4 ? digits[^4..] : null,
            Anonymous = intake.Anonymous,
            Confidential = intake.Confidential,
            RelatedCaseNumber = Optional(intake.RelatedCaseNumber, 40, "relatedCaseNumber"),
            CallId = Optional(intake.CallId, MaxCallIdLength, "callId"),
            RecordingRef = Optional(intake.RecordingRef, MaxRecordingRefLength, "recordingRef"),
            RegisteredAt = now,
            RegisteredBy = by.Actor.Name,
            Status = WorkOrderStatus.Registered,
        };
        order.Append(by, now, "registered", null, null, new { channel = intake.Channel, type = intake.Type, category = order.CategoryCode, urgency = intake.Urgency, number });
        if (intake.PublicationConsent is { } consent)
        {
            order.SetPublicationConsent(consent, null, by, now);
        }
        return order;
    }

    // ── The operator's first choices (center) ────────────────────────────────────────────────────────────────────

    /// <summary>直接办结: answered on the spot (most consultations), with the answer given and the knowledge-base entry it came from, if any.</summary>
    public void AnswerOnTheSpot(string answer, HotlineParty by, DateTime now, Guid? knowledgeEntryId = null)
    {
        RequireCenter(by, "answer");
        RequireStatus("hotline.not-registered", "只有待处置的工单可以直接办结。", WorkOrderStatus.Registered);
        Answer = Required(answer, MaxNoteLength, "请写明答复来电人的内容。", "answer");
        KnowledgeEntryId = knowledgeEntryId;
        ConcludedAt = now;
        Move(by, now, "answered", WorkOrderStatus.AnsweredOnTheSpot, Answer, knowledgeEntryId is { } entry ? new { knowledgeEntry = entry } : null);
    }

    /// <summary>转警: an emergency referred to 110, 119, 120 or 122.</summary>
    public void Refer(EmergencyService service, string? note, HotlineParty by, DateTime now)
    {
        RequireCenter(by, "refer");
        RequireStatus("hotline.not-registered", "只有待处置的工单可以转警。", WorkOrderStatus.Registered);
        if (!Enum.IsDefined(service))
        {
            throw new DomainRuleException("hotline.service-invalid", "请选择转接的紧急服务（110、119、120、122）。", "service");
        }
        ReferredTo = service;
        ConcludedAt = now;
        Move(by, now, "referred", WorkOrderStatus.Referred, Optional(note, MaxNoteLength, "note"), new { service = (int)service });
    }

    /// <summary>
    /// 不予受理 on a statutory ground (潍坊 §19), with the reason told to the caller; a matter for another procedure
    /// (litigation, arbitration, reconsideration, disclosure, or a 信访 already under way) also names its right channel.
    /// </summary>
    public void Refuse(RefusalGround ground, string reason, string? rightChannel, HotlineParty by, DateTime now)
    {
        RequireCenter(by, "refuse");
        RequireStatus("hotline.not-registered", "只有待处置的工单可以不予受理。", WorkOrderStatus.Registered);
        if (!Enum.IsDefined(ground))
        {
            throw new DomainRuleException("hotline.ground-invalid", "请选择不予受理的法定情形。", "ground");
        }
        var why = Required(reason, MaxNoteLength, "不予受理须向来电人说明理由。", "reason");
        var channel = Optional(rightChannel, 200, "rightChannel");
        if (ground is Hotline.RefusalGround.OtherProcedure or Hotline.RefusalGround.PetitionProcedure && channel is null)
        {
            throw new DomainRuleException("hotline.channel-required", "应通过其他法定途径解决的事项，须告知来电人相关办理途径。", "rightChannel");
        }
        RefusalGround = ground;
        RightChannel = channel;
        ConcludedAt = now;
        Move(by, now, "refused", WorkOrderStatus.Refused, why, new { ground, rightChannel = channel });
    }

    /// <summary>重复件: merged into an open order of the same matter; the caller is told the master's progress.</summary>
    public void MergeInto(WorkOrder master, HotlineParty by, DateTime now)
    {
        RequireCenter(by, "merge");
        RequireStatus("hotline.not-registered", "只有待处置的工单可以并入其他工单。", WorkOrderStatus.Registered);
        if (master.Id == Id || master.Status is WorkOrderStatus.Registered || !master.IsOpen || master.MasterOrderId is not null)
        {
            throw new DomainRuleException("hotline.master-not-open", $"工单 {master.Number} 不是办理中的工单，不能作为主工单。", "masterNumber");
        }
        MasterOrderId = master.Id;
        MasterNumber = master.Number;
        ConcludedAt = now;
        Move(by, now, "merged", WorkOrderStatus.Merged, null, new { master = master.Number, masterStatus = master.Status });
    }

    /// <summary>
    /// 派单: to a lead unit with optional co-handlers; the limits to sign for and to handle begin now and are printed
    /// on the order.
    /// </summary>
    public void Dispatch(Guid leadUnitId, IReadOnlyCollection<Guid> coHandlerIds, HotlineLimit sign, HotlineLimit handling, WorkingDayCalendar calendar,
        HotlineParty by, DateTime now, string? note = null)
    {
        RequireCenter(by, "dispatch");
        RequireStatus("hotline.not-registered", "只有待处置的工单可以派单。", WorkOrderStatus.Registered);
        AssignUnits(leadUnitId, coHandlerIds, sign, handling, calendar, now);
        Move(by, now, "dispatched", WorkOrderStatus.Dispatched, Optional(note, MaxNoteLength, "note"), DispatchData());
    }

    private void AssignUnits(Guid leadUnitId, IReadOnlyCollection<Guid> coHandlerIds, HotlineLimit sign, HotlineLimit handling, WorkingDayCalendar calendar, DateTime now)
    {
        if (leadUnitId == Guid.Empty)
        {
            throw new DomainRuleException("hotline.lead-required", "请选择主办单位。", "leadUnitId");
        }
        if (coHandlerIds.Contains(leadUnitId) || coHandlerIds.Distinct().Count() != coHandlerIds.Count || coHandlerIds.Contains(Guid.Empty))
        {
            throw new DomainRuleException("hotline.co-handlers-invalid", "协办单位不能重复，也不能是主办单位。", "coHandlerIds");
        }
        if (coHandlerIds.Count > 10)
        {
            throw new DomainRuleException("hotline.co-handlers-invalid", "协办单位最多 10 个。", "coHandlerIds");
        }
        if (!sign.IsValid || !handling.IsValid)
        {
            throw new DomainRuleException("hotline.limit-invalid", "时限设置不正确。", "limit");
        }
        LeadUnitId = leadUnitId;
        CoHandlers = [.. coHandlerIds.Select(id => new CoHandler(id))];
        DispatchedAt = now;
        SignLimitWorkingDays = sign.WorkingDays;
        SignLimitHours = sign.Hours;
        SignDueAt = sign.DueFrom(now, calendar);
        SignedAt = null;
        HandlingLimitWorkingDays = handling.WorkingDays;
        HandlingLimitHours = handling.Hours;
        HandlingFrom = now;
        ExtendedWorkingDays = 0;
        DueAt = handling.DueFrom(now, calendar);
        ReturnReason = null;
    }

    private object DispatchData() => new
    {
        lead = LeadUnitId, coHandlers = CoHandlers.Select(c => c.UnitId), signDueAt = SignDueAt, dueAt = DueAt,
        signLimit = new HotlineLimit(SignLimitWorkingDays, SignLimitHours).ToString(), limit = HandlingLimit.ToString(),
    };

    public HotlineLimit HandlingLimit => new(HandlingLimitWorkingDays, HandlingLimitHours);

    // ── Shared helpers ───────────────────────────────────────────────────────────────────────────────────────────

    private void Move(HotlineParty by, DateTime now, string action, WorkOrderStatus to, string? note, object? data)
    {
        var from = Status;
        Status = to;
        Append(by, now, action, from, note, data);
    }

    private void Append(HotlineParty by, DateTime now, string action, WorkOrderStatus? from, string? note, object? data)
    {
        EventCount++;
        _events.Add(WorkOrderEvent.Create(Id, EventCount, now, by, action, from, Status, note,
            data is null ? null : JsonSerializer.Serialize(data, EventJson)));
        Revision++;
        AtUnit = Status is WorkOrderStatus.Dispatched or WorkOrderStatus.ReturnRequested or WorkOrderStatus.Handling;
        QueueAt = Status switch
        {
            WorkOrderStatus.Registered => RegisteredAt,
            WorkOrderStatus.Dispatched or WorkOrderStatus.ReturnRequested => SignDueAt!.Value,
            WorkOrderStatus.Handling => DueAt!.Value,
            WorkOrderStatus.Replied => RepliedAt!.Value,
            WorkOrderStatus.AwaitingCallback => CallbackDueAt!.Value,
            WorkOrderStatus.Unsatisfied => CalledBackAt!.Value,
            _ => ConcludedAt ?? now,
        };
    }

    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private void RequireStatus(string code, string message, params WorkOrderStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainRuleException(code, message);
        }
    }

    private static void RequireCenter(HotlineParty by, string action)
    {
        if (!by.IsCenter)
        {
            throw new ActionNotAllowedException("hotline.center-only", $"只有 12345 热线中心可以执行此操作（{action}）。");
        }
    }

    private void RequireLead(HotlineParty by, string action)
    {
        if (by.IsCenter || by.UnitId is null || by.UnitId != LeadUnitId)
        {
            throw new ActionNotAllowedException("hotline.lead-only", $"只有主办单位可以执行此操作（{action}）。");
        }
    }

    private static string Required(string? text, int max, string message, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("hotline.text-required", message, field);
        }
        var t = text.Trim();
        return t.Length > max ? throw new DomainRuleException("hotline.text-too-long", $"内容请在 {max} 字以内。", field) : t;
    }

    private static string? Optional(string? text, int max, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var t = text.Trim();
        return t.Length > max ? throw new DomainRuleException("hotline.text-too-long", $"内容请在 {max} 字以内。", field) : t;
    }
}
