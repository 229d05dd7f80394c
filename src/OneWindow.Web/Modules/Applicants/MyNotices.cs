using OneWindow.Domain.Cases;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Applicants;

/// <summary>A written notice of the applicant's case (or of a part of their joint case), to read and print online.</summary>
public sealed record MyNotice(string Kind, string Title, string? Part, string Url);

/// <summary>
/// The notices and decisions issued so far on an applicant's case (受理通知书, 补正告知书, 不予受理决定书, 决定书 …):
/// those the case module prints for the clerk (<see cref="CaseNotice"/>), and each part's decision of a joint case.
/// </summary>
public static class MyNotices
{
    public static IReadOnlyList<MyNotice> Of(Case c, IEnumerable<string> actions) =>
        [
            .. CaseNotice.Available(actions, c.IsJoint).Select(kind => new MyNotice(kind, Text.Translate(CaseNotice.TitleOf(kind, c.Decision.Outcome)), null, $"/my/cases/{c.Id}/notice/{kind}")),
            .. c.Parts.Where(p => p.Decision is not null).Select(p => new MyNotice("decision", Text.Translate(CaseNotice.TitleOf("decision", p.Decision)) + "（" + p.ItemName + "）", p.Number,
                $"/my/cases/{c.Id}/notice/decision?part={Uri.EscapeDataString(p.Number)}")),
        ];
}
