using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// The intake templates of published item versions, kept by version id. A published version never changes (a change
/// is a new version), so its template is built once per process instead of deserializing the whole guide at every
/// intake; which version is published now is still asked of the database each time, so a new publication elsewhere
/// is seen at once.
/// </summary>
public sealed class PublishedTemplates
{
    /// <summary>More than a province's published items; past it the cache starts again rather than grow.</summary>
    private const int Capacity = 20_000;

    private readonly ConcurrentDictionary<Guid, CaseTemplate> _byVersion = new();

    /// <returns>The template of the item's published version, or null when no version of that code is published.</returns>
    public async Task<CaseTemplate?> ForItemAsync(OneWindowDbContext db, string code, CancellationToken ct)
    {
        return await IntakeQueries.PublishedVersionId(db, code) is { } id ? await ForVersionAsync(db, id, ct) : null;
    }

    /// <summary>The template of a published version (its id just read as the item's published one).</summary>
    public async Task<CaseTemplate> ForVersionAsync(OneWindowDbContext db, Guid id, CancellationToken ct)
    {
        if (_byVersion.TryGetValue(id, out var kept))
        {
            return kept;
        }
        var version = await db.ServiceItemVersions.AsNoTracking().FirstAsync(v => v.Id == id, ct);
        var template = CaseTemplate.ForItem(version); // refuses a version superseded in between, or one without nodes
        if (_byVersion.Count >= Capacity)
        {
            _byVersion.Clear();
        }
        _byVersion[id] = template;
        return template;
    }
}
