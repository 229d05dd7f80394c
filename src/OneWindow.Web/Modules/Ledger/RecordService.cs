using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Catalog;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Accounts;

namespace OneWindow.Web.Modules.Ledger;

/// <summary>A service to enter in the ledger: <c>POST /api/v1/ledger</c>.</summary>
public sealed record LedgerRequest(LedgerKind Kind, LedgerOutcome Outcome, string? ItemCode, string? Summary, string? ApplicantName = null, string? ApplicantPhone = null);

/// <summary>
/// 台帐登记: a clerk of a town hall or an agent of a village room enters a consultation or help at the counter; the
/// entry and its kept daily figure are written in one unit.
/// </summary>
public sealed class RecordService(OneWindowDbContext db, WriteUnit unit, UserManager<UserAccount> users, TimeProvider clock)
{
    public async Task<LedgerEntryView> RunAsync(ClaimsPrincipal principal, LedgerRequest request, CancellationToken ct)
    {
        var counter = await LedgerCounter.OfAsync(principal, db, users, ct);
        var code = string.IsNullOrWhiteSpace(request.ItemCode) ? null : request.ItemCode.Trim();
        string? itemName = null;
        if (code is not null)
        {
            itemName = await db.ServiceItemVersions.AsNoTracking().Where(v => v.ItemCode == code && v.Status == VersionStatus.Published).Select(v => v.Name).FirstOrDefaultAsync(ct)
                ?? throw new DomainRuleException("catalog.item-unknown", "未知事项编码: " + code, "itemCode");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = LedgerEntry.Record(Guid.CreateVersion7(clock.GetUtcNow()), counter.Venue.Id, counter.Venue.Tier, counter.Venue.RegionCode, counter.UserId, counter.StaffName, now,
            request.Kind, request.Outcome, code, itemName, request.Summary, request.ApplicantName, request.ApplicantPhone);
        await unit.RunAsync(async t =>
        {
            db.Set<LedgerEntry>().Add(entry);
            await LedgerFigures.AddAsync(db, entry, t);
        }, ct);
        return LedgerEntryView.Of(entry);
    }
}
