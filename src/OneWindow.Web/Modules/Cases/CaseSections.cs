using System.Security.Claims;
using OneWindow.Domain.Cases;

namespace OneWindow.Web.Modules.Cases;

/// <summary>Where a case is shown: the staff's case page in the workbench, or the public's tracking page.</summary>
public enum CasePage
{
    Workbench = 1,
    PublicTracking = 2,
}

/// <summary>What a case's page shows of it to another module.</summary>
/// <param name="Tail">On public tracking: the four characters the visitor proved the case with.</param>
public sealed record CaseOnPage(CasePage Page, Guid CaseId, string Number, CaseStatus Status, ClaimsPrincipal Viewer, string? Tail = null);

/// <summary>A part of a case's page that another module renders (its partial view and the model it takes).</summary>
public sealed record CaseSection(string PartialView, object Model);

/// <summary>
/// What another module adds to a case's page — supervision's alerts on the workbench, the online rating on public
/// tracking — without the case's pages knowing that module (ADR 0019). A module registers its sections in its AddX.
/// </summary>
public interface ICaseSection
{
    Task<CaseSection?> ForAsync(CaseOnPage shown, CancellationToken ct);
}

/// <summary>The registered sections of a page, in the order their modules were added.</summary>
public sealed class CaseSections(IEnumerable<ICaseSection> sections)
{
    private readonly ICaseSection[] _sections = [.. sections];

    public async Task<IReadOnlyList<CaseSection>> ForAsync(CaseOnPage shown, CancellationToken ct)
    {
        var found = new List<CaseSection>();
        foreach (var section in _sections)
        {
            if (await section.ForAsync(shown, ct) is { } part)
            {
                found.Add(part);
            }
        }
        return found;
    }
}
