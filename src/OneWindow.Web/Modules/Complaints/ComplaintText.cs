using OneWindow.Domain.Supervision;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Complaints;

/// <summary>The names of the complaint enums in the reader's language.</summary>
public static class ComplaintText
{
    public static string Of(ComplaintAbout a) => Text.Translate(a switch
    {
        ComplaintAbout.Case => "办件",
        ComplaintAbout.Window => "窗口",
        ComplaintAbout.Person => "工作人员",
        ComplaintAbout.Other => "其他",
    });

    public static string Of(ComplaintStatus s) => Text.Translate(s switch
    {
        ComplaintStatus.Filed => "待受理",
        ComplaintStatus.Accepted => "已受理，调查中",
        ComplaintStatus.Refused => "不予受理",
        ComplaintStatus.Concluded => "已办结",
    });

    public static string Of(ComplaintChannel c) => Text.Translate(c switch
    {
        ComplaintChannel.Online => "网上",
        ComplaintChannel.Hall => "大厅",
    });
}
