using OneWindow.Domain.Hotline;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>The names of the hotline's enums and events in the reader's language.</summary>
public static class HotlineText
{
    public static string Of(WorkOrderStatus s) => Text.Translate(s switch
    {
        WorkOrderStatus.Registered => "待处置",
        WorkOrderStatus.AnsweredOnTheSpot => "直接办结",
        WorkOrderStatus.Referred => "已转警",
        WorkOrderStatus.Refused => "不予受理",
        WorkOrderStatus.Merged => "已并案",
        WorkOrderStatus.Dispatched => "待签收",
        WorkOrderStatus.ReturnRequested => "退单待裁定",
        WorkOrderStatus.Handling => "办理中",
        WorkOrderStatus.Replied => "答复待审核",
        WorkOrderStatus.AwaitingCallback => "待回访",
        WorkOrderStatus.Unsatisfied => "回访不满意",
        WorkOrderStatus.Concluded => "已办结",
        _ => "—",
    });

    public static string Of(WorkOrderFileKind k) => Text.Translate(k switch
    {
        WorkOrderFileKind.CallerFile => "来电人材料",
        WorkOrderFileKind.LetterScan => "来信/邮件扫描件",
        WorkOrderFileKind.CenterFile => "中心材料",
        WorkOrderFileKind.ReplyFile => "答复附件",
        WorkOrderFileKind.ContributionFile => "协办附件",
        _ => "—",
    });

    /// <summary>A file's format as people name it, from the type detected by its content.</summary>
    public static string FileType(string contentType) => contentType switch
    {
        "application/pdf" => "PDF",
        "image/png" => "PNG",
        "image/jpeg" => "JPEG",
        "application/ofd" => "OFD",
        "application/msword" or "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "Word",
        "application/vnd.ms-excel" or "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "Excel",
        _ => contentType,
    };

    /// <summary>A file's size for reading: bytes, KB or MB.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB"),
    };

    public static string Of(WorkOrderType t) => Text.Translate(t switch
    {
        WorkOrderType.Consultation => "咨询",
        WorkOrderType.Help => "求助",
        WorkOrderType.Complaint => "投诉",
        WorkOrderType.Report => "举报",
        WorkOrderType.Suggestion => "建议",
        WorkOrderType.Praise => "表扬",
        _ => "—",
    });

    public static string Of(WorkOrderChannel c) => Text.Translate(c switch
    {
        WorkOrderChannel.Phone => "电话",
        WorkOrderChannel.Web => "网站",
        WorkOrderChannel.Mobile => "移动端",
        WorkOrderChannel.Letter => "来信",
        WorkOrderChannel.Email => "电子邮件",
        WorkOrderChannel.System => "其他系统",
        _ => "—",
    });

    public static string Of(WorkOrderUrgency u) => Text.Translate(u == WorkOrderUrgency.Urgent ? "紧急" : "一般");

    public static string Of(EmergencyService s) => Text.Translate(s switch
    {
        EmergencyService.Police => "110 报警",
        EmergencyService.Fire => "119 火警",
        EmergencyService.Ambulance => "120 急救",
        EmergencyService.Traffic => "122 交通事故",
        _ => "—",
    });

    public static string Of(RefusalGround g) => Text.Translate(g switch
    {
        RefusalGround.OtherProcedure => "应通过诉讼、仲裁、纪检监察、行政复议、政府信息公开等程序解决",
        RefusalGround.PetitionProcedure => "已经进入信访程序",
        RefusalGround.SecretsOrPrivacy => "涉及国家秘密、商业秘密、个人隐私或违反公序良俗",
        RefusalGround.AlreadyConcluded => "承办单位已依法处理且有合法、合理结论",
        RefusalGround.OtherLawful => "其他依法不予受理的情形",
        _ => "—",
    });

    public static string Of(ReplyResult r) => Text.Translate(r switch
    {
        ReplyResult.Resolved => "已解决",
        ReplyResult.Explained => "已解释说明",
        ReplyResult.NotResolvableNow => "暂时无法解决（附方案）",
        _ => "—",
    });

    public static string Of(Satisfaction s) => Text.Translate(s switch
    {
        Satisfaction.Satisfied => "满意",
        Satisfaction.FairlySatisfied => "基本满意",
        Satisfaction.Unsatisfied => "不满意",
        _ => "—",
    });

    public static string Of(CallbackMethod m) => Text.Translate(m switch
    {
        CallbackMethod.Phone => "电话回访",
        CallbackMethod.Sms => "短信回访",
        CallbackMethod.Online => "网上评价",
        _ => "—",
    });

    public static string Of(CenterList l) => Text.Translate(l switch
    {
        CenterList.Registered => "待处置",
        CenterList.Objections => "退单待裁定",
        CenterList.Extensions => "延期待审批",
        CenterList.Review => "答复待审核",
        CenterList.Callback => "待回访",
        CenterList.Unsatisfied => "回访不满意",
        CenterList.Handling => "办理中",
        CenterList.Dispatched => "待签收",
        CenterList.SignOverdue => "签收超时",
        CenterList.ReplyOverdue => "答复超时",
        CenterList.CallbackOverdue => "回访超时",
        _ => "—",
    });

    public static string Event(string action) => Text.Translate(action switch
    {
        "registered" => "受理登记",
        "answered" => "直接办结",
        "referred" => "转警",
        "refused" => "不予受理",
        "merged" => "并入主工单",
        "dispatched" => "派单",
        "signed" => "签收",
        "return-requested" => "申请退单",
        "redispatched" => "改派",
        "assigned-by-ruling" => "指定承办",
        "caller-contacted" => "联系来电人",
        "progress" => "办理进展",
        "contributed" => "协办意见",
        "extension-requested" => "申请延期",
        "extension-approved" => "同意延期",
        "extension-refused" => "不同意延期",
        "replied" => "答复",
        "reply-accepted" => "审核通过",
        "reply-sent-back" => "退回重办",
        "called-back" => "回访",
        "reopened" => "重办",
        "closed" => "中心办结",
        "consent-given" => "同意公开",
        "consent-refused" => "不同意公开",
        "consent-withdrawn" => "撤回公开同意",
        "files-added" => "添加附件",
        _ => "其他",
    });

    /// <summary>
    /// A limit's end as people read it: a working-day limit ends at 24:00 of its last day (shown so, not as the next
    /// day's 00:00); an hours limit at its minute.
    /// </summary>
    public static string Due(DateTime utc, string format = "yyyy-MM-dd")
    {
        var local = Domain.Calendar.ChinaTime.ToLocal(utc);
        return local.TimeOfDay == TimeSpan.Zero ? local.AddDays(-1).ToString(format, System.Globalization.CultureInfo.InvariantCulture) + " 24:00"
            : local.ToString(format + " HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>What is left of a limit, for the inbox's colours: red when it has passed, yellow within a day.</summary>
    public static string RowClass(DateTime? deadline, DateTime now) =>
        deadline is not { } d ? "" : now >= d ? "row-red" : d - now <= TimeSpan.FromHours(24) ? "row-yellow" : "";

    public static string Left(DateTime? deadline, DateTime now)
    {
        if (deadline is not { } d)
        {
            return "—";
        }
        var left = d - now;
        return left <= TimeSpan.Zero ? Text.Formatted("已超期 {0} 小时", (int)Math.Ceiling(-left.TotalHours))
            : left.TotalHours < 48 ? Text.Formatted("剩 {0} 小时", (int)Math.Ceiling(left.TotalHours))
            : Text.Formatted("剩 {0} 天", (int)Math.Floor(left.TotalDays));
    }
}
