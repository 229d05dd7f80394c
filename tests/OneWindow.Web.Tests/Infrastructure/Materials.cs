using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Catalog;

namespace OneWindow.Web.Tests.Infrastructure;

/// <summary>
/// The materials a demo item (or package) requires before acceptance, as a clerk would tick them at intake: computed
/// from the demo catalog with the domain's own rule (<see cref="CaseTemplate.RequiredOf"/>), so that the tests that
/// walk a case to its end hand in what the law asks for, and the tests of a missing material leave one out.
/// </summary>
public static class Materials
{
    public static IReadOnlyList<string> Required(string code)
    {
        var members = DemoCatalog.Combined.FirstOrDefault(c => c.Code == code)?.Members ?? [code];
        return CaseTemplate.RequiredOf(members.Select(m => DemoGuideBuilder.Build(DemoCatalog.Items.Single(i => i.Code == m), Guid.Empty, "", "", "")));
    }
}
