using OneWindow.Web.Modules.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Catalog;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.ApiClients;
using OneWindow.Web.Modules.Calendar;

namespace OneWindow.Web.Modules.Supervision;

public sealed record CertificateReport(string? Number = null, string? ItemCode = null, string? HolderName = null, DateTime? IssuedAt = null, string? CaseNumber = null);

public sealed record CertificateChecked(string Number, string ItemCode, string? MatchedCase, bool AlertRaised);

/// <summary>
/// 证照上报: a department's own system reports each certificate it issues, with a client key of the department holding
/// <c>certificates:write</c> (ADR 0025), or a member of the department's case staff signed in; the platform checks it
/// against the case issued under that number and raises a red card when there is none.
/// </summary>
public sealed class ReportCertificate(OneWindowDbContext db, UserManager<UserAccount> users, RegionCalendars calendars, SupervisionSettings settings,
    NotifyStaff notify, WriteUnit unit, TimeProvider clock)
{
    /// <summary>A client key with <c>certificates:write</c>, or a sign-in of the case staff (a department keying in a paper certificate).</summary>
    public const string Policy = "CertificateReport";

    public static void AddPolicy(Microsoft.AspNetCore.Authorization.AuthorizationOptions o) =>
        o.AddPolicy(Policy, p => p.RequireAssertion(c => c.User.HasScope(ApiScopes.CertificatesWrite)
            || (c.User.Identity?.AuthenticationType != ApiKeyAuthentication.Scheme
                && (c.User.IsInRole(StaffRoles.WindowClerk) || c.User.IsInRole(StaffRoles.Reviewer) || c.User.IsInRole(StaffRoles.Approver)))));

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/certificates", async (CertificateReport report, HttpContext http, ReportCertificate handler, CancellationToken ct) =>
            {
                var result = await handler.ReportAsync(http.User, report, ct);
                return TypedResults.Created($"/api/v1/certificates/{Uri.EscapeDataString(result.Number)}", result);
            })
            .RequireAuthorization(Policy).WithTags("Supervision")
            .WithSummary("Report a certificate issued by a department's own system (证照上报)")
            .WithDescription("By a department's system with its client key (`Authorization: Bearer ow_…` or `X-Api-Key`, scope `certificates:write`; the department is the client's), or by a member of the department's case staff signed in. The certificate is checked against the case granted and issued under its number in this platform; without one, a red card 有证照无办件 is raised for the department.");

    public async Task<CertificateChecked> ReportAsync(System.Security.Claims.ClaimsPrincipal principal, CertificateReport report, CancellationToken ct)
    {
        var client = ApiClientCaller.Of(principal);
        var department = client is not null ? client.DepartmentId
            : (await users.GetUserAsync(principal) ?? throw new ForbiddenException("auth.required", "请先登录。")).DepartmentId;
        var code = (report.ItemCode ?? "").Trim();
        var item = await db.ServiceItemVersions.AsNoTracking().Where(v => v.ItemCode == code && v.Status == VersionStatus.Published)
            .Select(v => new { v.ItemCode, v.DepartmentId }).FirstOrDefaultAsync(ct)
            ?? throw new DomainRuleException("certificate.item-unknown", $"事项 {code} 不存在或未发布。", "itemCode");
        if (department is null || department != item.DepartmentId)
        {
            throw new ForbiddenException("certificate.out-of-scope", "只能上报本部门事项的证照。");
        }
        var region = await db.Departments.AsNoTracking().Where(d => d.Id == item.DepartmentId).Select(d => d.RegionCode).FirstAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var certificate = IssuedCertificate.Report(report.Number ?? "", item.ItemCode, item.DepartmentId, region, report.HolderName ?? "",
            report.IssuedAt is { } at ? DateTime.SpecifyKind(at.ToUniversalTime(), DateTimeKind.Utc) : throw new DomainRuleException("certificate.issued-at-invalid", "请填写发证时间。", "issuedAt"),
            report.CaseNumber, principal.ActorName(), now);
        if (await db.IssuedCertificates.AnyAsync(c => c.Number == certificate.Number, ct))
        {
            throw new DomainRuleException("certificate.duplicate", $"证照 {certificate.Number} 已上报。");
        }
        var number = certificate.Number;
        var named = certificate.CaseNumber;
        var c = named is not null
            ? await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Number == named, ct)
            : await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Decision.ResultNumber == number, ct);
        var finding = certificate.Check(c);
        var calendar = await calendars.ForRegionAsync(region);
        var setting = (await settings.RuleBookAsync(ct)).For(SupervisionRule.CertificateWithoutCase, region, item.DepartmentId, item.ItemCode);
        var raised = await unit.RunAsync(async t =>
        {
            db.IssuedCertificates.Add(certificate);
            try
            {
                await db.SaveChangesAsync(t); // under EF's savepoint: a refused insert leaves the transaction usable
            }
            catch (DbUpdateException)
            {
                // The same certificate reported twice at the same moment: the unique number lets one in.
                db.ChangeTracker.Clear();
                if (await db.IssuedCertificates.AsNoTracking().AnyAsync(x => x.Number == number, t))
                {
                    throw new DomainRuleException("certificate.duplicate", $"证照 {number} 已上报。");
                }
                throw;
            }
            if (finding is null || !setting.Enabled)
            {
                return false;
            }
            var alert = SupervisionAlert.ForCertificate(finding, setting.Severity, certificate, now, settings.EscalateAt(now, calendar));
            db.SupervisionAlerts.Add(alert);
            alert.MarkNotified(await notify.AddAsync(alert, alert.Level, null, t), now);
            return true;
        }, ct);
        return new CertificateChecked(certificate.Number, certificate.ItemCode, certificate.MatchedCaseId is null ? null : c?.Number, raised);
    }
}
