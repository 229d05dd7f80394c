using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Catalog;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// A case's application form (一表通) as answered: the questions of the guides it pinned (a package's merged, a part's
/// own), with the answers it keeps — for the case pages and the printed form the applicant signs.
/// </summary>
public sealed class CaseApplicationForm(OneWindowDbContext db, CaseTemplates templates)
{
    /// <summary>The questions a case answers: its item's, or its package's merged over the members it pinned.</summary>
    public async Task<IReadOnlyList<FormField>> FieldsAsync(Case c, CancellationToken ct) => ApplicationForm.Merge(await templates.GuidesAsync(c.PinnedVersionIds, ct));

    /// <summary>The questions and answers; no fields when the guide defines no form (older cases, items without one).</summary>
    public async Task<ApplicationFormView> ViewAsync(Case c, CancellationToken ct) =>
        new(await FieldsAsync(c, ct), c.FormAnswers.ToDictionary(a => a.Key, a => (string?)a.Value), new Dictionary<string, string>(), "Form");

    /// <summary>The filled form to print, or null when the case answered no form.</summary>
    public async Task<ApplicationFormPrintout?> PrintoutAsync(Case c, CancellationToken ct)
    {
        var form = await ViewAsync(c, ct);
        if (form.Fields.Count == 0)
        {
            return null;
        }
        var department = (await CaseDepartments.NamesAsync(db, [c.DepartmentId], ct)).GetValueOrDefault(c.DepartmentId) ?? "";
        var applied = c.SubmittedAt ?? c.ReceivedAt ?? c.CreatedAt;
        return new(department, c.ItemName, form)
        {
            CaseNumber = c.IsDraftNumber ? null : c.Number,
            Applicant = c.Applicant.Name,
            Date = c.IsDraftNumber ? null : ChinaTime.DateOf(applied),
        };
    }
}
