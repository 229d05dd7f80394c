using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Audit;

namespace OneWindow.Web.Modules.Ledger;

/// <summary>One service as the ledger lists it (the applicant's phone masked).</summary>
public sealed record LedgerEntryView(Guid Id, DateTime At, string StaffName, LedgerKind Kind, LedgerOutcome Outcome, string? ItemCode, string? ItemName,
    string Summary, string? ApplicantName, string? ApplicantPhone, string? CaseNumber)
{
    public static LedgerEntryView Of(LedgerEntry e) => new(e.Id, e.At, e.StaffName, e.Kind, e.Outcome, e.ItemCode, e.ItemName, e.Summary,
        e.ApplicantName is null ? null : PersonalData.MaskName(e.ApplicantName), e.ApplicantPhone is null ? null : PersonalData.MaskPhone(e.ApplicantPhone), e.CaseNumber);
}

/// <summary>A day of a venue's ledger, newest first, <see cref="ListLedger.PageSize"/> a page (<c>next</c>: the key of the next page).</summary>
public sealed record LedgerPage(string VenueName, VenueTier Tier, DateOnly Day, IReadOnlyList<LedgerEntryView> Items, string? Next);

/// <summary>台帐查询: the signed-in clerk's or agent's venue's services of one day, paged by key on (At, Id).</summary>
public sealed class ListLedger(OneWindowDbContext db, UserManager<UserAccount> users, TimeProvider clock)
{
    public const int PageSize = 30;

    public async Task<LedgerPage> RunAsync(ClaimsPrincipal principal, DateOnly? day, string? after, CancellationToken ct)
    {
        var counter = await LedgerCounter.OfAsync(principal, db, users, ct);
        var d = day ?? ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        var q = db.Set<LedgerEntry>().AsNoTracking().Where(e => e.VenueId == counter.Venue.Id && e.Day == d);
        if (KeysetCursor.TryParse(after, out var at, out var id))
        {
            q = q.Where(e => e.At <= at && (e.At < at || e.Id.CompareTo(id) < 0));
        }
        var (rows, next) = await KeysetPage.TakeAsync(q.OrderByDescending(e => e.At).ThenByDescending(e => e.Id), PageSize, e => (e.At, e.Id), ct);
        return new LedgerPage(counter.Venue.Name, counter.Venue.Tier, d, [.. rows.Select(LedgerEntryView.Of)], next);
    }
}
