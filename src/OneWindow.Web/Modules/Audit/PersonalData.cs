using OneWindow.Web.Infrastructure;
using System.Security.Claims;
using OneWindow.Domain;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Audit;

/// <summary>
/// Resident ID numbers, phones and citizens' names are shown masked everywhere (110105********002X, *******0000,
/// 张**). Someone entitled to the full value asks for it explicitly, for one record, with a reason, by a POST (so that a
/// link from another site cannot make them look someone up); every such view is written to the audit log (who, when,
/// which record, which fields, why) before the value is shown, and the answer is never cached.
/// </summary>
public static class PersonalData
{
    public const string ViewedAction = "personal-data-viewed";

    /// <summary>Records the view in a unit of its own, or refuses it (400 for the field <c>reason</c>) when no reason is given.</summary>
    public static async Task RecordViewAsync(OneWindowDbContext db, WriteUnit unit, DateTime now, ClaimsPrincipal viewer, string entityType, string entityKey, string[] fields,
        string? reason, CancellationToken ct)
    {
        var why = reason?.Trim() ?? "";
        if (why.Length == 0)
        {
            throw new DomainRuleException("personal-data.reason-required", "请填写查看完整信息的理由（将记入审计日志）。", "reason");
        }
        CaseInput.CheckLength(why, "reason", CaseInput.ShortText);
        await unit.RunAsync(_ =>
        {
            db.Audit(now, viewer.ActorName(), entityType, entityKey, ViewedAction, new { fields, reason = why });
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>An answer carrying full personal data: kept by no cache, the browser's included.</summary>
    public static void NoStore(HttpResponse response) => response.Headers.CacheControl = "no-store";

    /// <summary>A person's name as lists show it: the family name, then a star for each other character (张**).</summary>
    public static string MaskName(string name)
    {
        var first = name.Length > 1 && char.IsHighSurrogate(name[0]) ? 2 : 1; // a rare character outside the BMP is one character
        return name.Length <= first ? "*" : name[..first] + new string('*', name.Length - first);
    }

    /// <summary>A phone as lists show it: only the last four digits.</summary>
    public static string MaskPhone(string phone) => Applicant.MaskPhone(phone);
}
