using OneWindow.Domain.Supervision;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>The Chinese names of the supervision enums (<c>Zh</c> for stored messages, <c>Of</c> for pages in the reader's language).</summary>
public static class SupervisionText
{
    public static string Of(AlertSeverity s) => Text.Translate(Zh(s));

    public static string Zh(AlertSeverity s) => s switch
    {
        AlertSeverity.Reminder => "提醒",
        AlertSeverity.Yellow => "黄牌",
        AlertSeverity.Red => "红牌",
    };

    public static string Of(SupervisionRule r) => Text.Translate(Zh(r));

    public static string Zh(SupervisionRule r) => r switch
    {
        SupervisionRule.PromisedReminder => "临近承诺时限",
        SupervisionRule.PromisedOverdue => "超承诺时限",
        SupervisionRule.StatutoryOverdue => "超法定时限",
        SupervisionRule.NoticeUnanswered => "督办单逾期未回复",
        SupervisionRule.NodeOverdue => "环节超时",
        SupervisionRule.IntakeOverdue => "网上申请超时未预审",
        SupervisionRule.RepeatedCorrection => "多次告知补正",
        SupervisionRule.NoLegalBasis => "不予受理或不予许可未引用法律依据",
        SupervisionRule.FeeDiffers => "收费与公布标准不符",
        SupervisionRule.SuspensionOverrun => "特别程序超过告知时长",
        SupervisionRule.OutOfOrder => "违规顺序或倒签",
        SupervisionRule.ConcludedWithoutResult => "办结无结果（体外循环线索）",
        SupervisionRule.CertificateWithoutCase => "有证照无办件（体外循环线索）",
        SupervisionRule.DeferralOverdue => "容缺材料逾期未补齐",
        SupervisionRule.WorkOrderSignOverdue => "工单签收超时",
        SupervisionRule.WorkOrderReplyOverdue => "工单答复超时",
        SupervisionRule.WorkOrderCallbackOverdue => "工单回访超时",
        SupervisionRule.WorkOrderReopened => "工单重办两次",
        SupervisionRule.WorkOrderReturned => "工单退单两次",
        SupervisionRule.WorkOrderReplySentBack => "工单答复两次被退回",
    };

    public static string Of(AlertStatus s) => Text.Translate(s switch
    {
        AlertStatus.Raised => "已触发",
        AlertStatus.Notified => "待说明",
        AlertStatus.Responded => "待审核",
        AlertStatus.Closed => "已办结",
    });

    public static string Of(AlertResponse r) => Text.Translate(r switch
    {
        AlertResponse.Explained => "情况说明",
        AlertResponse.Rectified => "已整改",
    });

    public static string Of(EscalationLevel l) => Text.Translate(l switch
    {
        EscalationLevel.Handler => "经办人",
        EscalationLevel.Department => "部门负责人",
        EscalationLevel.Leadership => "中心领导",
    });

    public static string Of(NoticeStatus s) => Text.Translate(s switch
    {
        NoticeStatus.Issued => "待回复",
        NoticeStatus.Replied => "已回复",
        NoticeStatus.Closed => "已办结",
    });

    public static string Of(RuleScope s) => Text.Translate(s switch
    {
        RuleScope.Default => "全部",
        RuleScope.Region => "地区",
        RuleScope.Department => "部门",
        RuleScope.Item => "事项",
    });

    /// <summary>A threshold with its unit, the noun agreeing with the number in English ("1 working day", "3 times").</summary>
    public static string Amount(ThresholdUnit u, decimal value)
    {
        var number = value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        return u switch
        {
            ThresholdUnit.WorkingDays => Text.Formatted("{0} 个工作日", number),
            ThresholdUnit.Count => Text.Formatted("{0} 次", number),
            ThresholdUnit.Yuan => Text.Formatted("{0} 元", number),
            ThresholdUnit.Minutes => Text.Formatted("{0} 分钟", number),
            _ => "—",
        };
    }

    /// <summary>What an alert history line's action means.</summary>
    public static string Action(string action) => Text.Translate(action switch
    {
        "raised" => "触发",
        "notified" => "已通知",
        "escalated" => "升级",
        "explained" => "情况说明",
        "rectified" => "整改报告",
        "closed" => "审核办结",
        "closed-met" => "按期办结，自动关闭",
        "sent-back" => "退回重新说明",
        _ => action,
    });
}
