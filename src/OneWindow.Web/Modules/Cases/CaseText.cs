using OneWindow.Web.Infrastructure;
using OneWindow.Domain.Cases;

namespace OneWindow.Web.Modules.Cases;

/// <summary>The Chinese names of the case enums and event actions.</summary>
public static class CaseText
{
    public static string Of(CaseStatus s) => Text.Translate(s switch
    {
        CaseStatus.Draft => "草稿",
        CaseStatus.Submitted => "已提交",
        CaseStatus.ReturnedForCorrection => "退回补正",
        CaseStatus.Received => "已收件",
        CaseStatus.AwaitingCorrection => "待补正",
        CaseStatus.Accepted => "办理中",
        CaseStatus.Suspended => "特别程序中",
        CaseStatus.Decided => "已决定",
        CaseStatus.ResultIssued => "已出证",
        CaseStatus.Concluded => "已办结",
        CaseStatus.RejectedAtIntake => "不予受理",
        CaseStatus.Withdrawn => "已撤回",
        CaseStatus.Terminated => "已终止",
    });

    public static string Of(CaseChannel c) => Text.Translate(c switch
    {
        CaseChannel.Window => "窗口",
        CaseChannel.Online => "网上",
        CaseChannel.SelfService => "自助终端",
        CaseChannel.ProxyIntake => "乡村代收代办",
        CaseChannel.Agent => "代办",
    });

    public static string Of(DecisionOutcome? d) => d switch
    {
        DecisionOutcome.Grant => Text.Translate("准予"),
        DecisionOutcome.Deny => Text.Translate("不予"),
        DecisionOutcome.PartlyGranted => Text.Translate("部分准予"),
        null => "—",
    };

    /// <summary>The steps whose opinion the applicant is shown: the reasons given to them. Staff opinions stay internal.</summary>
    public static bool OpinionIsForApplicant(string action) => action is "pre-review-returned" or "rejected-at-intake" or "withdrawn";

    /// <summary>What the applicant is waiting for, in a sentence, for each state.</summary>
    public static string Awaited(CaseStatus s) => Text.Translate(s switch
    {
        CaseStatus.Draft => "草稿尚未提交。",
        CaseStatus.Submitted => "等待政务服务中心预审（1 个工作日内）。",
        CaseStatus.ReturnedForCorrection => "预审退回：请按说明修改后重新提交。",
        CaseStatus.Received => "已收件，等待窗口受理（5 个工作日内）。",
        CaseStatus.AwaitingCorrection => "请按一次性告知书补正材料。",
        CaseStatus.Accepted => "已受理，部门正在办理。",
        CaseStatus.Suspended => "特别程序中，计时暂停。",
        CaseStatus.Decided => "已作出决定，等待出证。",
        CaseStatus.ResultIssued => "结果已出具，等待领取或送达。",
        CaseStatus.Concluded => "已办结，欢迎评价。",
        CaseStatus.RejectedAtIntake => "不予受理。",
        CaseStatus.Withdrawn => "已撤回。",
        CaseStatus.Terminated => "已终止。",
    });

    /// <summary>
    /// What the workbench says once an action is done: a sentence of its own for each, since "已" before a button's
    /// label ("已特别程序结束，恢复计时") is not Chinese.
    /// </summary>
    public static string Done(string action) => Text.Translate(action switch
    {
        CaseActionNames.PreReviewPass => "预审通过，已收件。",
        CaseActionNames.PreReviewReturn => "已退回申请人补正。",
        CaseActionNames.Accept => "已受理。",
        CaseActionNames.Correction => "已一次性告知需补正的材料。",
        CaseActionNames.Supplement => "材料已补齐，重新收件。",
        CaseActionNames.SupplyDeferred => "容缺材料已收取。",
        CaseActionNames.Reject => "已作出不予受理决定。",
        CaseActionNames.CompleteNode => "本环节意见已提交。",
        CaseActionNames.ReturnNode => "已退回上一环节。",
        CaseActionNames.Suspend => "已进入特别程序，暂停计时。",
        CaseActionNames.PauseForCorrection => "已要求补正，暂停计时。",
        CaseActionNames.Resume => "特别程序已结束，恢复计时。",
        CaseActionNames.Extend => "已延长办理期限。",
        CaseActionNames.Decide => "已作出决定。",
        CaseActionNames.Pay => "已收费。",
        CaseActionNames.Issue => "已出证。",
        CaseActionNames.Deliver => "已送达，办件办结。",
        CaseActionNames.ConcludeInstantly => "已当场办结。",
        CaseActionNames.Claim => "已认领，由您办理。",
        CaseActionNames.HandOver => "已转交同事。",
        CaseActionNames.Withdraw => "申请已撤回。",
        CaseActionNames.Terminate => "已终止办理。",
        _ => "操作已完成。",
    });

    public static string Of(DeliveryMethod m) => Text.Translate(m switch
    {
        DeliveryMethod.Mail => "邮政寄递",
        DeliveryMethod.Electronic => "电子送达",
        _ => "窗口领取",
    });

    public static string Action(string action) => Text.Translate(action switch
    {
        "files-removed" => "删除文件",
        "received" => "收件",
        "accepted" => "受理",
        "correction-requested" => "一次性告知补正",
        "supplemented" => "补齐材料",
        "rejected-at-intake" => "不予受理",
        "node-completed" => "提交环节意见",
        "node-returned" => "退回上一环节",
        "suspended" => "进入特别程序",
        "correction-paused" => "受理后补正（暂停计时）",
        "resumed" => "恢复计时",
        "extended" => "延期",
        "decided" => "作出决定",
        "result-issued" => "出证",
        "calendar-changed" => "工作日历调整，期限重算",
        "delivered" => "送达办结",
        "withdrawn" => "撤回",
        "paid" => "缴费",
        "claimed" => "认领",
        "handed-over" => "转交",
        "claim" => "认领",
        "hand-over" => "转交同事",
        "pay" => "统一收费",
        "terminated" => "终止",
        "complete-node" => "提交本环节意见",
        "return-node" => "退回上一环节",
        "accept" => "受理",
        "correction" => "一次性告知补正",
        "supplement" => "材料已补齐",
        "supply-deferred" => "补齐容缺材料",
        "deferred-supplied" => "补齐容缺材料",
        "reject" => "不予受理",
        "suspend" => "进入特别程序",
        "pause-for-correction" => "要求补正（暂停计时）",
        "resume" => "特别程序结束，恢复计时",
        "extend" => "延期（审批人）",
        "decide" => "作出决定",
        "issue" => "出证",
        "deliver" => "送达并办结",
        "conclude-instantly" => "即办：当场办结",
        "withdraw" => "申请人撤回",
        "terminate" => "终止办理",
        "drafted" => "创建草稿",
        "draft-saved" => "保存草稿",
        "submitted" => "网上提交",
        "pre-review-passed" => "预审通过",
        "pre-review-returned" => "预审退回",
        "pre-review-pass" => "预审通过（收件）",
        "pre-review-return" => "预审退回申请人",
        "fanned-out" => "分发各部门并联办理",
        "part-created" => "并联子件生成",
        "part-updated" => "子件进展",
        _ => action,
    });

    /// <summary>The due dates a calendar-changed event moved, one line each ("法定期限：2027-02-24 → 2027-02-25").</summary>
    public static IReadOnlyList<string> CalendarMoves(string? data)
    {
        if (data is null)
        {
            return [];
        }
        using var json = System.Text.Json.JsonDocument.Parse(data);
        if (!json.RootElement.TryGetProperty("clocks", out var clocks) || clocks.ValueKind != System.Text.Json.JsonValueKind.Array)
        {
            return [];
        }
        return [.. clocks.EnumerateArray().Select(m =>
        {
            var clock = Enum.TryParse<CaseClock>(m.GetProperty("clock").GetString(), out var c) ? Text.Translate(Modules.Cases.CaseDueDates.ClockText(c)) : m.GetProperty("clock").GetString();
            var node = m.TryGetProperty("node", out var n) && n.ValueKind == System.Text.Json.JsonValueKind.String ? "（" + n.GetString() + "）" : "";
            return $"{clock}{node}：{Date(m, "from")} → {Date(m, "to")}";
        })];
    }

    private static string Date(System.Text.Json.JsonElement move, string name) =>
        move.TryGetProperty(name, out var d) && d.ValueKind == System.Text.Json.JsonValueKind.String ? d.GetString()! : "—";
}
