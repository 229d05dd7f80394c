using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Cases;

/// <summary>A certificate or decision confirmed: what it is, who issued it, when, and to whom (a person's name masked).</summary>
public sealed record VerifiedResult(string Number, string ItemName, string DepartmentName, string HolderName, DecisionOutcome Decision,
    string ResultNumber, DateTime IssuedAt, CaseStatus Status)
{
    /// <summary>The last day the result is valid (null: it does not expire), and whether that day has passed.</summary>
    public DateOnly? ValidUntil { get; init; }
    public bool Expired { get; init; }
    /// <summary>The scope granted, under the name the item gives it (经营项目…).</summary>
    public string? ScopeLabel { get; init; }
    public string? Scope { get; init; }
}

/// <summary>
/// 证照核验: confirms that a certificate or decision number was issued on a case, by which department and when. The QR
/// code on a notice carries the case number with it; a citizen holding only the paper types the result number, and
/// is asked for the case number too when one result number was issued on more than one case. It shows nothing else
/// about the applicant. Anyone may ask (the page and <c>GET /api/v1/verify</c>), limited per address.
/// </summary>
public sealed class VerifyResult(OneWindowDbContext db, TimeProvider clock)
{
    public const int MaxLength = 60;

    public async Task<VerifyOutcome> RunAsync(string? resultNumber, string? caseNumber, CancellationToken ct)
    {
        var result = resultNumber?.Trim() ?? "";
        var number = string.IsNullOrWhiteSpace(caseNumber) ? null : caseNumber.Trim();
        if (result.Length == 0 || result.Length > MaxLength || number?.Length > 40)
        {
            return new VerifyOutcome(null, Ambiguous: false);
        }
        var issued = db.Cases.AsNoTracking().Where(c => c.Decision.ResultNumber == result && c.Decision.ResultIssuedAt != null);
        if (number is not null)
        {
            issued = issued.Where(c => c.Number == number);
        }
        var found = await issued.OrderBy(c => c.Number).Take(2).ToListAsync(ct);
        if (found.Count != 1)
        {
            return new VerifyOutcome(null, Ambiguous: found.Count > 1);
        }
        var c = found[0];
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == c.DepartmentId).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? "";
        var holder = c.Applicant.Kind == ApplicantKind.Enterprise ? c.Applicant.Name : c.Applicant.Name[..1] + new string('*', Math.Max(1, c.Applicant.Name.Length - 1));
        return new VerifyOutcome(new VerifiedResult(c.Number, c.ItemName, department, holder, c.Decision.Outcome!.Value, c.Decision.ResultNumber!,
            c.Decision.ResultIssuedAt!.Value, c.Status)
        {
            ValidUntil = c.Decision.ValidUntil,
            Expired = c.Decision.ValidUntil < Domain.Calendar.ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime),
            ScopeLabel = c.Decision.Scope is null ? null : c.ResultScopeLabel,
            Scope = c.Decision.Scope,
        }, Ambiguous: false);
    }
}

/// <summary>The answer: the result confirmed, or nothing; <see cref="Ambiguous"/> when the case number is needed to tell which.</summary>
public sealed record VerifyOutcome(VerifiedResult? Result, bool Ambiguous);
