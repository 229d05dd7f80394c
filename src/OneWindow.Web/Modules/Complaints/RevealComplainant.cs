using System.Security.Claims;
using OneWindow.Domain;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Audit;

namespace OneWindow.Web.Modules.Complaints;

/// <summary>A named complainant's name and phone in full, for a supervisor calling back.</summary>
public sealed record ComplainantInFull(string? Name, string Phone);

/// <summary>
/// Shows a supervisor a named complainant's full name and phone (masked everywhere else), for one complaint, with a
/// reason: the view is an audit entry written before the values are returned (ADR 0010, 0016). The complaint page's
/// button and <c>POST /api/v1/complaints/{id}/complainant</c>.
/// </summary>
public sealed class RevealComplainant(OneWindowDbContext db, WriteUnit unit, TimeProvider clock)
{
    public async Task<ComplainantInFull> RunAsync(ClaimsPrincipal principal, Guid id, string? reason, CancellationToken ct)
    {
        if (!principal.IsInRole(StaffRoles.Supervisor))
        {
            throw new ForbiddenException("complaint.not-supervisor", "只有监察人员可以查看投诉人的完整联系方式。");
        }
        var complaint = await ComplaintList.OneAsync(db, id, ct);
        var phone = complaint.ComplainantPhone ?? throw new DomainRuleException("complaint.no-contact", "匿名投诉没有留下联系方式。");
        await PersonalData.RecordViewAsync(db, unit, clock.GetUtcNow().UtcDateTime, principal, "EfficiencyComplaint", id.ToString(), ["name", "phone"], reason, ct);
        return new ComplainantInFull(complaint.ComplainantName, phone);
    }
}
