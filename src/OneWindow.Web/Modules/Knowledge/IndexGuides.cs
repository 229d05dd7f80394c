using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Catalog;
using OneWindow.Domain.Knowledge;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Catalog;

namespace OneWindow.Web.Modules.Knowledge;

/// <summary>
/// The catalog's guides in the knowledge base's index: a guide version is indexed in the unit that publishes it
/// (<see cref="IGuideHook"/>); at start, the published versions not indexed yet (the seed's, a database restored from
/// before) are caught up. Title terms: the item's name, keywords and themes; body terms: the acceptance conditions,
/// the materials, the result and the FAQs. The answer offered is a few sentences of the guide's key facts.
/// </summary>
public sealed class IndexGuides(OneWindowDbContext db, WriteUnit unit, TimeProvider clock, ILogger<IndexGuides> logger) : IGuideHook
{
    public async Task PublishedAsync(ServiceItemVersion version, CancellationToken ct)
    {
        var row = await db.Set<KnowledgeGuide>().FirstOrDefaultAsync(g => g.ItemCode == version.ItemCode, ct);
        if (row is null)
        {
            row = new KnowledgeGuide { ItemCode = version.ItemCode };
            db.Add(row);
        }
        row.VersionNumber = version.VersionNumber;
        row.Name = version.Name;
        row.DepartmentId = version.DepartmentId;
        row.Answer = AnswerOf(version.ItemCode, version.Guide);
        row.IndexedAt = clock.GetUtcNow().UtcDateTime;
        var g = version.Guide;
        var body = string.Join('\n', g.AcceptanceConditions.Concat(g.Materials.Select(m => m.Name)).Append(g.ResultName ?? "")
            .Concat(g.Faqs.SelectMany(f => new[] { f.Question, f.Answer })));
        await KnowledgeIndex.ReplaceAsync(db, KnowledgeIndex.GuideKey(version.ItemCode), KnowledgeText.Weighted(version.Name, g.Keywords.Concat(g.Themes), body), ct);
    }

    /// <summary>Indexes the published versions the index does not have (by item code and version number), a page at a time.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct)
    {
        var indexed = await db.Set<KnowledgeGuide>().AsNoTracking().ToDictionaryAsync(g => g.ItemCode, g => g.VersionNumber, ct);
        var published = await db.ServiceItemVersions.AsNoTracking().Where(v => v.Status == VersionStatus.Published)
            .Select(v => new { v.ItemCode, v.VersionNumber }).ToListAsync(ct);
        var missing = published.Where(p => indexed.GetValueOrDefault(p.ItemCode) != p.VersionNumber).Select(p => p.ItemCode).ToList();
        foreach (var page in missing.Chunk(50))
        {
            var versions = await db.ServiceItemVersions.AsNoTracking().Where(v => v.Status == VersionStatus.Published && page.Contains(v.ItemCode)).ToListAsync(ct);
            await unit.RunAsync(async t =>
            {
                foreach (var v in versions)
                {
                    await PublishedAsync(v, t);
                }
            }, ct);
            db.ChangeTracker.Clear();
        }
        if (missing.Count > 0)
        {
            logger.LogInformation("Indexed {Count} service guides for the knowledge base", missing.Count);
        }
        return missing.Count;
    }

    /// <summary>What the operator reads out for a guide: the limit, the materials, where and whom to ask.</summary>
    public static string AnswerOf(string code, ServiceGuide g)
    {
        var parts = new List<string> { $"《{g.Name}》" };
        if (g.PromisedLimitDays > 0)
        {
            parts.Add($"承诺 {g.PromisedLimitDays} 个工作日办结（法定 {g.StatutoryLimitDays} 个工作日）");
        }
        else if (g.StatutoryLimitDays == 0)
        {
            parts.Add("即办");
        }
        if (g.Materials.Count > 0)
        {
            parts.Add("所需材料：" + string.Join("、", g.Materials.Take(6).Select(m => m.Name)) + (g.Materials.Count > 6 ? " 等" : ""));
        }
        if (!string.IsNullOrWhiteSpace(g.HandlingVenue) || !string.IsNullOrWhiteSpace(g.Windows))
        {
            parts.Add("办理地点：" + string.Join(" ", new[] { g.HandlingVenue, g.HandlingAddress, g.Windows }.Where(s => !string.IsNullOrWhiteSpace(s))));
        }
        if (!string.IsNullOrWhiteSpace(g.ConsultationPhone))
        {
            parts.Add("咨询电话：" + g.ConsultationPhone);
        }
        parts.Add($"办事指南：/guides/{code}");
        var text = string.Join("；", parts) + "。";
        return text.Length > KnowledgeGuide.MaxAnswerLength ? text[..KnowledgeGuide.MaxAnswerLength] : text;
    }
}
