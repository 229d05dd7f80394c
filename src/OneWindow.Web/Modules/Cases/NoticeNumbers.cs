using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// 文号: every written notice a case gives the applicant (受理通知书, 补正告知书, 不予受理决定书, 许可决定书, 延期通知书,
/// 特别程序告知书) carries a document number, one series per department, kind and year, gap-free like case numbers.
/// The number is written into the event that gives the notice before it is sealed, so it is part of the record.
/// </summary>
public static class NoticeNumbers
{
    /// <summary>The kinds of notice, by the event that gives one, with the word of their number (受字, 补字…).</summary>
    public static readonly IReadOnlyDictionary<string, (string Kind, string Word)> ByAction = new Dictionary<string, (string, string)>
    {
        ["accepted"] = ("acceptance", "受"),
        ["correction-requested"] = ("correction", "补"),
        ["rejected-at-intake"] = ("rejection", "不受"),
        ["decided"] = ("decision", "决"),
        ["extended"] = ("extension", "延"),
        ["suspended"] = ("special-procedure", "特"),
    };

    /// <summary>Numbers the notices among the case's unsaved events, inside the transaction that saves them.</summary>
    public static async Task AssignAsync(OneWindowDbContext db, Case c, CancellationToken ct)
    {
        foreach (var e in c.NewEvents.Where(e => !e.IsSealed))
        {
            if (!GivesNotice(c, e.Action, out var kind, out var word))
            {
                continue;
            }
            var year = ChinaTime.DateOf(e.At).Year;
            var value = await CaseNumbers.NextValueAsync(db, $"notice/{c.DepartmentId:N}/{kind}/{year}", ct);
            e.NumberNotice($"{word}字〔{year}〕第{value:D5}号");
        }
    }

    /// <summary>
    /// Whether the event gives the applicant a notice of its own: a joint case's decision is its parts' (each part's
    /// decision is numbered), and a part is accepted with its joint case.
    /// </summary>
    private static bool GivesNotice(Case c, string action, out string kind, out string word)
    {
        (kind, word) = ByAction.TryGetValue(action, out var found) ? found : ("", "");
        return kind.Length > 0 && !(action == "decided" && c.IsJoint);
    }
}
