using OneWindow.Domain.Organization;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Ledger;

/// <summary>The ledger's kinds and outcomes in the UI language.</summary>
public static class LedgerText
{
    public static string Of(LedgerKind k) => Text.Translate(k switch
    {
        LedgerKind.Consultation => "咨询登记",
        LedgerKind.Help => "代办帮办",
        LedgerKind.Intake => "代办收件",
        _ => k.ToString(),
    });

    public static string Of(LedgerOutcome o) => Text.Translate(o switch
    {
        LedgerOutcome.Answered => "已解答",
        LedgerOutcome.Done => "已办结",
        LedgerOutcome.Referred => "已引导至他处",
        LedgerOutcome.FollowUp => "待跟进",
        LedgerOutcome.TakenIn => "已收件",
        _ => o.ToString(),
    });
}
