namespace OneWindow.Domain.Hotline;

/// <summary>How a request reached the hotline (受理渠道).</summary>
public enum WorkOrderChannel
{
    Phone = 1,   // 电话 (the operator registers the call)
    Web = 2,     // 网站 "我要反映"
    Mobile = 3,  // 移动端
    Letter = 4,  // 来信 (registered by the operator)
    Email = 5,   // 电子邮件 (registered by the operator)
    System = 6,  // 其他系统 (the API; Open311 later)
}

/// <summary>诉求类型.</summary>
public enum WorkOrderType
{
    Consultation = 1, // 咨询
    Help = 2,         // 求助
    Complaint = 3,    // 投诉
    Report = 4,       // 举报
    Suggestion = 5,   // 建议
    Praise = 6,       // 表扬
}

/// <summary>紧急程度: an urgent order is signed for within hours and handled within hours, around the clock.</summary>
public enum WorkOrderUrgency
{
    Normal = 1, // 一般
    Urgent = 2, // 紧急
}

/// <summary>
/// A work order's state. The first five are the operator's choices for a registered order; the rest are the loop
/// of a dispatched one (派单 → 签收 → 办理 → 答复 → 审核 → 回访). Terminal: answered, referred, refused, merged, concluded.
/// </summary>
public enum WorkOrderStatus
{
    Registered = 1,          // 待处置: taken in, the operator has not chosen yet (a web form waits here)
    AnsweredOnTheSpot = 2,   // 直接办结
    Referred = 3,            // 转 110/119/120/122
    Refused = 4,             // 不予受理
    Merged = 5,              // 重复件, merged into its master order
    Dispatched = 6,          // 待签收
    ReturnRequested = 7,     // 退单申请 (派单异议) waiting for the center's ruling
    Handling = 8,            // 办理中 (signed for)
    Replied = 9,             // 已答复, waiting for the center's review
    AwaitingCallback = 10,   // 待回访 (reply accepted)
    Unsatisfied = 11,        // 回访不满意: the center reopens or closes it
    Concluded = 12,          // 已办结
}

/// <summary>The emergency services an operator refers a call to (紧急事项转警).</summary>
public enum EmergencyService
{
    Police = 110,   // 110 报警
    Fire = 119,     // 119 火警
    Ambulance = 120, // 120 急救
    Traffic = 122,  // 122 交通事故
}

/// <summary>The statutory grounds for not accepting a matter (潍坊 §19).</summary>
public enum RefusalGround
{
    OtherProcedure = 1,  // 应通过诉讼、仲裁、纪检监察、行政复议、政府信息公开等程序解决 (the right channel must be told)
    PetitionProcedure = 2, // 已经进入信访程序
    SecretsOrPrivacy = 3,  // 涉及国家秘密、商业秘密、个人隐私或违反公序良俗
    AlreadyConcluded = 4,  // 承办单位已依法作出处理且有合法、合理结论
    OtherLawful = 5,       // 其他依法不予受理的情形
}

/// <summary>The result a unit replies with (济南 §24, 潍坊 §20).</summary>
public enum ReplyResult
{
    Resolved = 1,         // 已解决
    Explained = 2,        // 已解释说明 (cannot be done under the law or policy)
    NotResolvableNow = 3, // 暂时无法解决，附解决方案和时限
}

/// <summary>回访满意度.</summary>
public enum Satisfaction
{
    Satisfied = 1,      // 满意
    FairlySatisfied = 2, // 基本满意
    Unsatisfied = 3,    // 不满意
}

/// <summary>How the callback was made: the center's call or SMS, or the caller rating online with the number and phone.</summary>
public enum CallbackMethod
{
    Phone = 1,  // 电话回访
    Sms = 2,    // 短信回访
    Online = 3, // 群众网上评价
}

/// <summary>The center's ruling on a unit's objection (派单异议).</summary>
public enum ReturnRuling
{
    Redispatch = 1,    // 改派: to another unit, which may object in its turn
    AssignByRuling = 2, // 指定承办: the unit named (the same or another) may not return it again
}
