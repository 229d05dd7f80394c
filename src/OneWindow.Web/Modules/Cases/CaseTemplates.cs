using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Calendar;

namespace OneWindow.Web.Modules.Cases;

/// <summary>What an application is for, and the guides behind it: for the intake forms, the online application and the registration.</summary>
public sealed class CaseTemplates(OneWindowDbContext db, PublishedTemplates published)
{
    /// <summary>The template and the guides behind it (the item's, or every member's of a package), for the intake forms.</summary>
    public async Task<(CaseTemplate Template, IReadOnlyList<ServiceGuide> Guides)> LoadFormAsync(string code, CancellationToken ct)
    {
        var template = await LoadTemplateAsync(code, ct);
        return (template, await GuidesAsync(template.VersionIds, ct));
    }

    /// <summary>The guides of the given item versions (a case's or a template's pinned versions), in their order.</summary>
    public async Task<IReadOnlyList<ServiceGuide>> GuidesAsync(IReadOnlyList<Guid> versionIds, CancellationToken ct)
    {
        var ids = versionIds.ToList();
        var guides = await db.ServiceItemVersions.AsNoTracking().Where(v => ids.Contains(v.Id)).Select(v => new { v.Id, v.Guide }).ToListAsync(ct);
        return [.. guides.OrderBy(g => ids.IndexOf(g.Id)).Select(g => g.Guide)]; // in the package's order: its form and checklist follow it
    }

    /// <summary>What an application is for: a published item version, or a published combined item (一件事) with its members.</summary>
    public async Task<CaseTemplate> LoadTemplateAsync(string code, CancellationToken ct) =>
        await OrCombinedAsync(code, await published.ForItemAsync(db, code, ct), ct);

    /// <param name="item">The template of the code's published item version, or null when it has none.</param>
    public async Task<CaseTemplate> OrCombinedAsync(string code, CaseTemplate? item, CancellationToken ct)
    {
        if (item is { } template)
        {
            return template;
        }
        var combined = await db.CombinedItems.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code && x.Status == VersionStatus.Published, ct)
            ?? throw new DomainRuleException("case.item-unknown", $"事项 {code} 不存在或未发布。", "itemCode");
        var codes = combined.MemberCodes.ToList();
        var members = await db.ServiceItemVersions.AsNoTracking().Where(v => codes.Contains(v.ItemCode) && v.Status == VersionStatus.Published).ToListAsync(ct);
        return CaseTemplate.ForCombined(combined, members);
    }
}
