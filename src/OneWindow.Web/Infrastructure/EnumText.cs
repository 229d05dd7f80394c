using OneWindow.Domain.Calendar;
using OneWindow.Domain.Catalog;
using OneWindow.Domain.Organization;

namespace OneWindow.Web.Infrastructure;

/// <summary>The Chinese names of the domain's enums, as the public and the staff know them.</summary>
public static class EnumText
{
    public static string Of(ItemType t) => Text.Translate(Zh(t));

    public static string Zh(ItemType t) => t switch
    {
        ItemType.AdministrativeLicense => "行政许可",
        ItemType.AdministrativeBenefit => "行政给付",
        ItemType.AdministrativeConfirmation => "行政确认",
        ItemType.AdministrativeRuling => "行政裁决",
        ItemType.AdministrativeReward => "行政奖励",
        ItemType.AdministrativeLevy => "行政征收",
        ItemType.OtherAdministrativePower => "其他行政权力",
        ItemType.PublicService => "公共服务",
    };

    public static string Of(ApplicantTypes t) => string.Join(ListSeparator, ZhParts(t).Select(Text.Translate)) is { Length: > 0 } s ? s : "—";

    private static string ListSeparator => Text.IsEnglish ? ", " : "、";

    public static string Zh(ApplicantTypes t) => string.Join("、", ZhParts(t));

    private static IEnumerable<string> ZhParts(ApplicantTypes t)
    {
        if (t.HasFlag(ApplicantTypes.Person)) yield return "自然人";
        if (t.HasFlag(ApplicantTypes.Enterprise)) yield return "企业法人";
    }

    public static string Of(LimitKind k) => Text.Translate(Zh(k));

    public static string Zh(LimitKind k) => k switch
    {
        LimitKind.Instant => "即办件",
        LimitKind.Promised => "承诺件",
    };

    public static string Of(VersionStatus s) => Text.Translate(Zh(s));

    public static string Zh(VersionStatus s) => s switch
    {
        VersionStatus.Draft => "草稿",
        VersionStatus.Published => "已发布",
        VersionStatus.Superseded => "已废止",
    };

    public static string Of(FormFieldType t) => Text.Translate(Zh(t));

    public static string Zh(FormFieldType t) => t switch
    {
        FormFieldType.Text => "单行文字",
        FormFieldType.LongText => "多行文字",
        FormFieldType.Number => "数字",
        FormFieldType.Date => "日期",
        FormFieldType.Choice => "选择项",
        FormFieldType.Phone => "电话号码",
        FormFieldType.IdNumber => "居民身份证号码",
        FormFieldType.CreditCode => "统一社会信用代码",
    };

    public static string Of(MaterialForm f) => Text.Translate(Zh(f));

    public static string Zh(MaterialForm f) => f switch
    {
        MaterialForm.Original => "原件",
        MaterialForm.Copy => "复印件",
        MaterialForm.OriginalAndCopy => "原件及复印件",
        MaterialForm.Electronic => "电子材料",
    };

    public static string Of(MaterialRequirement r) => Text.Translate(Zh(r));

    public static string Zh(MaterialRequirement r) => r switch
    {
        MaterialRequirement.Required => "必要",
        MaterialRequirement.Conditional => "情形要件",
    };

    public static string Of(MaterialSource s) => Text.Translate(Zh(s));

    public static string Zh(MaterialSource s) => s switch
    {
        MaterialSource.Applicant => "申请人自备",
        MaterialSource.OtherAgency => "政府部门核发",
        MaterialSource.ThisAgency => "本部门共享获取",
        MaterialSource.Intermediary => "中介机构出具",
    };

    public static string Of(HallVisits v) => Text.Translate(Zh(v));

    public static string Zh(HallVisits v) => v switch
    {
        HallVisits.Zero => "零跑腿",
        HallVisits.AtMostOnce => "最多跑一次",
        HallVisits.Twice => "跑两次",
    };

    public static string Of(OnlineDepth d) => Text.Translate(Zh(d));

    public static string Zh(OnlineDepth d) => d switch
    {
        OnlineDepth.InformationOnly => "一级（信息公开）",
        OnlineDepth.FormsDownload => "二级（表格下载）",
        OnlineDepth.OnlinePreReview => "三级（网上预审）",
        OnlineDepth.FullyOnline => "四级（全程网办）",
    };

    public static string Of(ResultType r) => Text.Translate(Zh(r));

    public static string Zh(ResultType r) => r switch
    {
        ResultType.Certificate => "证照",
        ResultType.ApprovalDocument => "批文",
        ResultType.Record => "登记凭证",
        ResultType.Other => "其他",
    };

    public static string Of(DeliveryMethods m) => string.Join(ListSeparator, ZhParts(m).Select(Text.Translate)) is { Length: > 0 } s ? s : "—";

    public static string Zh(DeliveryMethods m) => string.Join("、", ZhParts(m));

    private static IEnumerable<string> ZhParts(DeliveryMethods m)
    {
        if (m.HasFlag(DeliveryMethods.WindowPickup)) yield return "窗口领取";
        if (m.HasFlag(DeliveryMethods.Mail)) yield return "邮政寄递";
        if (m.HasFlag(DeliveryMethods.Electronic)) yield return "电子送达";
    }

    /// <summary>The enum value whose Chinese name is <paramref name="zh"/>, for imports.</summary>
    public static bool TryParseZh<T>(string zh, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (ZhOf(candidate) == zh.Trim())
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    private static string ZhOf<T>(T value) where T : struct, Enum => value switch
    {
        ItemType x => Zh(x),
        LimitKind x => Zh(x),
        VersionStatus x => Zh(x),
        MaterialForm x => Zh(x),
        MaterialRequirement x => Zh(x),
        MaterialSource x => Zh(x),
        HallVisits x => Zh(x),
        OnlineDepth x => Zh(x),
        ResultType x => Zh(x),
        FormFieldType x => Zh(x),
        _ => throw new NotSupportedException($"No Chinese names are kept for {typeof(T).Name}."),
    };

    public static string Of(DayKind k) => Text.Translate(Zh(k));

    public static string Zh(DayKind k) => k switch
    {
        DayKind.OrdinaryWorkingDay => "工作日",
        DayKind.Weekend => "周末",
        DayKind.StatutoryHoliday => "法定节假日",
        DayKind.AdjustedWorkingDay => "调休上班",
        DayKind.LocalDayOff => "本地休息日",
        DayKind.LocalWorkingDay => "本地工作日",
    };

    public static string Of(VenueTier t) => Text.Translate(Zh(t));

    public static string Zh(VenueTier t) => t switch
    {
        VenueTier.CountyCenter => "政务服务中心",
        VenueTier.TownHall => "便民服务中心",
        VenueTier.VillageRoom => "便民服务站",
    };

    public static string Of(TierItemRole r) => Text.Translate(Zh(r));

    public static string Zh(TierItemRole r) => r switch
    {
        TierItemRole.TakeIn => "代收代办",
        TierItemRole.Decide => "本级办理",
        TierItemRole.Advise => "咨询指导",
    };

    public static string Of(WindowKind k) => Text.Translate(Zh(k));

    public static string Zh(WindowKind k) => k switch
    {
        WindowKind.Department => "部门窗口",
        WindowKind.Comprehensive => "综合受理窗口",
    };

    public static string Of(WindowCategory c) => Text.Translate(Zh(c));

    public static string Zh(WindowCategory c) => c switch
    {
        WindowCategory.None => "—",
        WindowCategory.ProjectInvestment => "项目投资",
        WindowCategory.ConstructionPermit => "建设许可",
        WindowCategory.AgricultureServices => "涉农服务",
        WindowCategory.MarketServices => "市场服务",
        WindowCategory.SocialAffairs => "社会事务",
    };

    public static string Of(RegionLevel l) => Text.Translate(Zh(l));

    public static string Zh(RegionLevel l) => l switch
    {
        RegionLevel.Province => "省",
        RegionLevel.City => "市",
        RegionLevel.County => "县",
        RegionLevel.Town => "乡镇",
        RegionLevel.Village => "村（社区）",
    };

    public static string RoleName(string role) => Text.Translate(role switch
    {
        "WindowClerk" => "窗口人员",
        "Reviewer" => "审核人",
        "Approver" => "审批人（首席代表）",
        "CenterAdmin" => "中心管理员",
        "Supervisor" => "电子监察员",
        "HotlineOperator" => "12345 坐席",
        "Leader" => "领导",
        "Applicant" => "申请人",
        "Joint" => "各相关部门（子件）",
        _ => role,
    });
}
