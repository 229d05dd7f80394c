using OneWindow.Domain.Assessment;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Assessment;

/// <summary>The Chinese names of the assessment's grades, indicators and units.</summary>
public static class AssessmentText
{
    public static string Zh(Grade g) => g switch
    {
        Grade.Excellent => "优秀",
        Grade.Good => "良好",
        Grade.Pass => "合格",
        Grade.Fail => "不合格",
    };

    public static string Of(Indicator i) => Text.Translate(Zh(i));

    public static string Zh(Indicator i) => i switch
    {
        Indicator.OnTimeRate => "按期办结率",
        Indicator.LimitCompression => "时限压缩",
        Indicator.Alerts => "预警扣分",
        Indicator.UpheldComplaints => "效能投诉",
        Indicator.BadRatings => "差评",
        Indicator.IntakeSpeed => "受理及时率",
        Indicator.SignOnTimeRate => "按时签收率",
        Indicator.ReplyOnTimeRate => "按时办结率",
        Indicator.SatisfactionRate => "满意率",
        Indicator.ReopenRate => "重办率",
        Indicator.ReturnRate => "退单率",
    };

    public static string Of(AssessedKind k) => Text.Translate(k switch
    {
        AssessedKind.Department => "部门",
        AssessedKind.Window => "窗口",
        AssessedKind.Staff => "工作人员",
    });
}
