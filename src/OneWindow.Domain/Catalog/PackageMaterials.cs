namespace OneWindow.Domain.Catalog;

/// <summary>One material of a combined item's single checklist, and the member items that ask for it.</summary>
public sealed record PackageMaterial(Material Material, IReadOnlyList<string> UsedBy);

/// <summary>
/// 一次提交: a combined item (一件事) asks for each material once. Members' materials merge under the name a guide gives
/// them for packages (<see cref="Material.SharedAs"/>, e.g. the legal representative's and the agent's ID papers become
/// one 身份证明) or else their own name; a material that one member's result is (the business licence 企业设立登记
/// issues) is never asked for, since the package itself produces it.
/// </summary>
public static class PackageMaterials
{
    /// <summary>The name under which a package asks for a material.</summary>
    public static string NameInPackage(Material m) => string.IsNullOrWhiteSpace(m.SharedAs) ? m.Name.Trim() : m.SharedAs.Trim();

    /// <summary>The checklist an application is taken in with: one item's materials, or a package's merged ones.</summary>
    public static IReadOnlyList<Material> Checklist(IReadOnlyList<ServiceGuide> guides) =>
        guides.Count == 1
            ? [.. guides[0].Materials.GroupBy(m => m.Name.Trim(), StringComparer.Ordinal).Select(g => g.First())]
            : [.. Merge([.. guides.Select(g => (g.Name, g))]).Select(p => p.Material)];

    /// <summary>The merged checklist of the members, in their order; each merged material as strict as its strictest member asks.</summary>
    public static IReadOnlyList<PackageMaterial> Merge(IReadOnlyList<(string ItemName, ServiceGuide Guide)> members)
    {
        var produced = members.Select(m => m.Guide.ResultName?.Trim()).OfType<string>().Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        return [.. members
            .SelectMany(m => m.Guide.Materials.Select(material => (Material: material with { Name = NameInPackage(material) }, m.ItemName)))
            .Where(x => !produced.Contains(x.Material.Name))
            .GroupBy(x => x.Material.Name, StringComparer.Ordinal)
            .Select(g => new PackageMaterial(Strictest(g.Select(x => x.Material)), [.. g.Select(x => x.ItemName).Distinct()]))];
    }

    /// <summary>Required before conditional, the applicant's own before a shared one; deferrable only if every member lets it wait.</summary>
    private static Material Strictest(IEnumerable<Material> same)
    {
        var all = same.ToList();
        var strictest = all.OrderBy(m => m.Requirement == MaterialRequirement.Required ? 0 : 1).ThenBy(m => m.Source == MaterialSource.Applicant ? 0 : 1).First();
        return strictest with { Deferrable = all.All(m => m.Deferrable) };
    }
}
