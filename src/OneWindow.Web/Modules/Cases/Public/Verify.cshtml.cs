using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Cases.Public;

/// <summary>
/// 证照核验: the QR code on a decision or certificate opens this page. It confirms that the result number was
/// issued on that case, by which department and when; it shows nothing else about the applicant.
/// Anyone may open it (a QR code is public), so it is limited per address like the other public lookups.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.Public)]
public sealed class VerifyModel(OneWindowDbContext db) : PageModel
{
    public sealed record Verified(string Number, string ItemName, string DepartmentName, string HolderName, DecisionOutcome Decision, string ResultNumber, DateTime IssuedAt, CaseStatus Status);

    public Verified? Result { get; private set; }
    public string? ResultNumber { get; private set; }

    public async Task OnGetAsync(string number, string? result, CancellationToken ct)
    {
        ResultNumber = result;
        if (string.IsNullOrWhiteSpace(result))
        {
            return;
        }
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Number == number && x.Decision.ResultNumber == result && x.Decision.ResultIssuedAt != null, ct);
        if (c is not null)
        {
            var department = await db.Departments.AsNoTracking().Where(d => d.Id == c.DepartmentId).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? "";
            var holder = c.Applicant.Kind == ApplicantKind.Enterprise ? c.Applicant.Name : c.Applicant.Name[..1] + new string('*', Math.Max(1, c.Applicant.Name.Length - 1));
            Result = new Verified(c.Number, c.ItemName, department, holder, c.Decision.Outcome!.Value, c.Decision.ResultNumber!, c.Decision.ResultIssuedAt!.Value, c.Status);
        }
    }
}
