using OneWindow.Web.Modules.Audit;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Catalog;

/// <summary>
/// The administrator's catalog actions: create an item, open a draft, edit it, publish it. Each saves the change
/// and its audit entry together; the page and the API call the same methods.
/// </summary>
public sealed class ManageCatalog(OneWindowDbContext db, WriteUnit unit, TimeProvider clock, IEnumerable<IGuideHook> hooks)
{
    public async Task<ServiceItem> CreateItemAsync(string code, ServiceGuide guide, string actor, CancellationToken ct = default)
    {
        var trimmed = code.Trim();
        if (await db.ServiceItems.AnyAsync(i => i.Code == trimmed, ct))
        {
            throw new DomainRuleException("catalog.code-taken", $"事项编码 {trimmed} 已存在。");
        }
        await EnsureDepartmentAsync(guide.DepartmentId, ct);
        await EnsureFilesAsync(guide, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var item = ServiceItem.Create(trimmed, guide, actor, now);
        db.ServiceItems.Add(item);
        db.Audit(now, actor, "ServiceItem", item.Code, "created", new { version = 1, guide.Name });
        await unit.SaveAsync(ct);
        return item;
    }

    public async Task<ServiceItemVersion> StartDraftAsync(string code, string actor, string? note, CancellationToken ct = default)
    {
        var item = await LoadAsync(code, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = item.StartDraft(actor, now, note);
        db.Audit(now, actor, "ServiceItem", code, "draft-started", new { version = draft.VersionNumber, note });
        await unit.SaveAsync(ct);
        return draft;
    }

    /// <summary>Saves a draft's guide. <paramref name="expectedRevision"/> is the revision the editor loaded: a stale one is a conflict.</summary>
    public async Task<ServiceItemVersion> EditDraftAsync(string code, int versionNumber, int expectedRevision, ServiceGuide guide, string actor, string? note, CancellationToken ct = default)
    {
        var item = await LoadAsync(code, ct);
        var version = item.Versions.FirstOrDefault(v => v.VersionNumber == versionNumber)
            ?? throw new DomainRuleException("catalog.version-not-found", $"事项 {code} 没有第 {versionNumber} 版。");
        if (version.Revision != expectedRevision)
        {
            throw new DbUpdateConcurrencyException($"Version {code} v{versionNumber} is at revision {version.Revision}, not {expectedRevision}.");
        }
        await EnsureDepartmentAsync(guide.DepartmentId, ct);
        await EnsureFilesAsync(guide, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        version.Edit(guide, actor, now, note);
        db.Audit(now, actor, "ServiceItem", code, "draft-edited", new { version = versionNumber, note });
        await unit.SaveAsync(ct);
        return version;
    }

    /// <summary>Publishes the draft with effect from today (Beijing); the version it replaces is in force until today.</summary>
    public async Task<ServiceItemVersion> PublishAsync(string code, string actor, CancellationToken ct = default)
    {
        var item = await LoadAsync(code, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var previous = item.Published?.VersionNumber;
        var published = item.Publish(actor, now, ChinaTime.DateOf(now));
        db.Audit(now, actor, "ServiceItem", code, "published", new { version = published.VersionNumber, supersedes = previous });
        await unit.RunAsync(async t =>
        {
            foreach (var hook in hooks)
            {
                await hook.PublishedAsync(published, t);
            }
        }, ct);
        return published;
    }

    private async Task<ServiceItem> LoadAsync(string code, CancellationToken ct) =>
        await db.ServiceItems.Include(i => i.Versions).FirstOrDefaultAsync(i => i.Code == code, ct)
            ?? throw new NotFoundException($"事项 {code} 不存在。");

    /// <summary>The guide without the blank forms and samples that are not stored here (their titles stay).</summary>
    public async Task<ServiceGuide> WithoutUnknownFilesAsync(ServiceGuide guide, CancellationToken ct)
    {
        var known = await KnownFilesAsync(guide, ct);
        return guide with
        {
            Materials = [.. guide.Materials.Select(m => m with
            {
                TemplateFileId = m.TemplateFileId is { } t && known.Contains(t) ? t : null,
                SampleFileId = m.SampleFileId is { } s && known.Contains(s) ? s : null,
            })],
        };
    }

    /// <summary>A material may only name a file uploaded as a guide's form or sample (a case's files are private).</summary>
    private async Task EnsureFilesAsync(ServiceGuide guide, CancellationToken ct)
    {
        var named = FileIds(guide);
        if (named.Count > 0 && (await KnownFilesAsync(guide, ct)).Count < named.Count)
        {
            throw new DomainRuleException("catalog.file-unknown", "材料的空白表格或示范文本文件不存在，请重新上传。");
        }
    }

    private async Task<HashSet<Guid>> KnownFilesAsync(ServiceGuide guide, CancellationToken ct)
    {
        var named = FileIds(guide);
        if (named.Count == 0)
        {
            return [];
        }
        // Uploaded with this save (the editor's files are stored in the same unit of work), or stored before.
        var added = db.ChangeTracker.Entries<StoredFile>().Where(e => e.State == EntityState.Added && e.Entity.Purpose == StoredFile.GuideAttachment)
            .Select(e => e.Entity.Id);
        var stored = await db.StoredFiles.Where(f => named.Contains(f.Id) && f.Purpose == StoredFile.GuideAttachment).Select(f => f.Id).ToListAsync(ct);
        return [.. stored.Concat(added).Where(named.Contains)];
    }

    private static List<Guid> FileIds(ServiceGuide guide) =>
        [.. guide.Materials.SelectMany(m => new[] { m.TemplateFileId, m.SampleFileId }).OfType<Guid>().Distinct()];

    private async Task EnsureDepartmentAsync(Guid departmentId, CancellationToken ct)
    {
        if (departmentId != Guid.Empty && !await db.Departments.AnyAsync(d => d.Id == departmentId, ct))
        {
            throw new DomainRuleException("catalog.department-unknown", "实施机构不存在。");
        }
    }
}
