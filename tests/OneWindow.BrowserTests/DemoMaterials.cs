using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Catalog;

namespace OneWindow.BrowserTests;

/// <summary>The materials a demo item requires before acceptance (the domain's rule on the demo catalog): what a clerk ticks for a complete application.</summary>
public static class DemoMaterials
{
    public static IReadOnlyList<string> Required(string code) =>
        CaseTemplate.RequiredOf([DemoGuideBuilder.Build(DemoCatalog.Items.Single(i => i.Code == code), Guid.Empty, "", "", "")]);
}
