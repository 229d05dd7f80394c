using OneWindow.Domain.Cases;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>The report's Chinese words (English in Resources/en.json).</summary>
public static class StatisticsText
{
    public static string Channel(CaseChannel channel) => channel switch
    {
        CaseChannel.Window => "窗口",
        CaseChannel.Online => "网上",
        CaseChannel.SelfService => "自助终端",
        CaseChannel.ProxyIntake => "乡镇、村代收代办",
        CaseChannel.Agent => "代办",
        _ => channel.ToString(),
    };

    public static string Of(Breakdown by) => by switch
    {
        Breakdown.None => "不分组",
        Breakdown.Department => "按部门",
        Breakdown.Window => "按窗口",
        Breakdown.Item => "按事项",
        Breakdown.Channel => "按渠道",
        Breakdown.Venue => "按场所",
        Breakdown.Region => "按区域",
        _ => by.ToString(),
    };
}
