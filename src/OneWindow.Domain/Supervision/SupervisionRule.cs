namespace OneWindow.Domain.Supervision;

/// <summary>The built-in supervision triggers (docs/domain.md §5.1). The names are stable identifiers stored in the database.</summary>
public enum SupervisionRule
{
    PromisedReminder = 1,       // 临近承诺时限提醒
    PromisedOverdue = 2,        // 超承诺时限（黄牌）
    StatutoryOverdue = 3,       // 超法定时限（红牌）
    NoticeUnanswered = 4,       // 督办单逾期未回复（红牌）
    NodeOverdue = 5,            // 环节超时
    IntakeOverdue = 6,          // 网上申请超时未预审
    RepeatedCorrection = 7,     // 多次告知补正
    NoLegalBasis = 8,           // 不予受理、不予许可未说明法律依据
    FeeDiffers = 9,             // 收费与公布标准不符
    SuspensionOverrun = 10,     // 特别程序超过告知时长
    OutOfOrder = 11,            // 违规顺序或倒签
    ConcludedWithoutResult = 12, // 办结无结果（体外循环线索）
    CertificateWithoutCase = 13, // 有证照无办件（体外循环线索）
    DeferralOverdue = 14,       // 容缺材料逾期未补齐
    // 12345 hotline work orders (ADR 0028).
    WorkOrderSignOverdue = 15,     // 工单签收超时
    WorkOrderReplyOverdue = 16,    // 工单答复超时（批准延期的，按延期后的时限）
    WorkOrderCallbackOverdue = 17, // 工单回访超时
    WorkOrderReopened = 18,        // 工单重办两次
    WorkOrderReturned = 19,        // 工单退单两次
    WorkOrderReplySentBack = 20,   // 工单答复两次被退回
}

/// <summary>The ladder: a reminder to the handler, a yellow card to the department, a red card that counts in the assessment.</summary>
public enum AlertSeverity
{
    Reminder = 1, // 提醒
    Yellow = 2,   // 黄牌
    Red = 3,      // 红牌
}

/// <summary>What a rule's threshold measures.</summary>
public enum ThresholdUnit
{
    None = 0,
    WorkingDays = 1,
    Count = 2,
    Yuan = 3,
    Minutes = 4,
}

/// <summary>When a rule is evaluated: by the sweep as time passes, or on the action that breaks it.</summary>
public enum RuleKind
{
    Timed = 1,
    OnAction = 2,
}

/// <summary>A rule as shipped: its kind, default severity and threshold, and what the threshold means.</summary>
public sealed record RuleDefinition(SupervisionRule Rule, RuleKind Kind, AlertSeverity DefaultSeverity, ThresholdUnit Unit, decimal DefaultThreshold, decimal MinThreshold, decimal MaxThreshold)
{
    public RuleSetting Default => new(true, DefaultSeverity, DefaultThreshold);
}

/// <summary>The shipped rules with the defaults of docs/domain.md §5.1.</summary>
public static class RuleCatalog
{
    public static readonly IReadOnlyList<RuleDefinition> All =
    [
        // 1 working day before the promised deadline.
        new(SupervisionRule.PromisedReminder, RuleKind.Timed, AlertSeverity.Reminder, ThresholdUnit.WorkingDays, 1, 1, 30),
        // At once when it passes (the threshold is working days of grace after it).
        new(SupervisionRule.PromisedOverdue, RuleKind.Timed, AlertSeverity.Yellow, ThresholdUnit.WorkingDays, 0, 0, 30),
        new(SupervisionRule.StatutoryOverdue, RuleKind.Timed, AlertSeverity.Red, ThresholdUnit.WorkingDays, 0, 0, 30),
        new(SupervisionRule.NoticeUnanswered, RuleKind.Timed, AlertSeverity.Red, ThresholdUnit.WorkingDays, 0, 0, 30),
        new(SupervisionRule.NodeOverdue, RuleKind.Timed, AlertSeverity.Yellow, ThresholdUnit.WorkingDays, 0, 0, 30),
        // An online submission neither accepted, rejected nor returned within 1 working day.
        new(SupervisionRule.IntakeOverdue, RuleKind.Timed, AlertSeverity.Yellow, ThresholdUnit.WorkingDays, 1, 1, 30),
        // The second correction notice on one application.
        new(SupervisionRule.RepeatedCorrection, RuleKind.OnAction, AlertSeverity.Yellow, ThresholdUnit.Count, 2, 2, 10),
        new(SupervisionRule.NoLegalBasis, RuleKind.OnAction, AlertSeverity.Yellow, ThresholdUnit.None, 0, 0, 0),
        // Any difference from the published standard (the threshold is a tolerance in yuan).
        new(SupervisionRule.FeeDiffers, RuleKind.OnAction, AlertSeverity.Yellow, ThresholdUnit.Yuan, 0, 0, 10_000),
        new(SupervisionRule.SuspensionOverrun, RuleKind.Timed, AlertSeverity.Yellow, ThresholdUnit.WorkingDays, 0, 0, 30),
        // Back-dated by more than the tolerance: servers' clocks may differ by seconds, never by a minute.
        new(SupervisionRule.OutOfOrder, RuleKind.OnAction, AlertSeverity.Red, ThresholdUnit.Minutes, 1, 0, 1440),
        new(SupervisionRule.ConcludedWithoutResult, RuleKind.OnAction, AlertSeverity.Red, ThresholdUnit.None, 0, 0, 0),
        // A certificate a department's own system reports, with no granted case in this system behind it.
        new(SupervisionRule.CertificateWithoutCase, RuleKind.OnAction, AlertSeverity.Red, ThresholdUnit.None, 0, 0, 0),
        // 容缺受理: the deferred materials not in by the day the applicant committed to (grace in working days).
        new(SupervisionRule.DeferralOverdue, RuleKind.Timed, AlertSeverity.Yellow, ThresholdUnit.WorkingDays, 0, 0, 30),
        // Work orders (ADR 0028): the unit's limits to sign for and to reply are the law's (a red card when missed; the
        // threshold is working days of grace), the center's callback a reminder; the counts are the second time.
        new(SupervisionRule.WorkOrderSignOverdue, RuleKind.Timed, AlertSeverity.Red, ThresholdUnit.WorkingDays, 0, 0, 30),
        new(SupervisionRule.WorkOrderReplyOverdue, RuleKind.Timed, AlertSeverity.Red, ThresholdUnit.WorkingDays, 0, 0, 30),
        new(SupervisionRule.WorkOrderCallbackOverdue, RuleKind.Timed, AlertSeverity.Reminder, ThresholdUnit.WorkingDays, 0, 0, 30),
        new(SupervisionRule.WorkOrderReopened, RuleKind.OnAction, AlertSeverity.Yellow, ThresholdUnit.Count, 2, 1, 10),
        new(SupervisionRule.WorkOrderReturned, RuleKind.OnAction, AlertSeverity.Yellow, ThresholdUnit.Count, 2, 1, 10),
        new(SupervisionRule.WorkOrderReplySentBack, RuleKind.OnAction, AlertSeverity.Yellow, ThresholdUnit.Count, 2, 1, 10),
    ];

    public static RuleDefinition Get(SupervisionRule rule) =>
        All.FirstOrDefault(d => d.Rule == rule) ?? throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown supervision rule.");
}
