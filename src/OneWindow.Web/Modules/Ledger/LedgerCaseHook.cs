using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Ledger;

/// <summary>
/// An application taken in at a town hall's or village room's counter enters the venue's ledger by itself, in the
/// transaction that receives it (ADR 0031): the clerk or agent never enters it twice, and the ledger's kept figures
/// count it with the consultations and help of the day.
/// </summary>
public sealed class LedgerCaseHook(OneWindowDbContext db) : ICaseHook
{
    private readonly Dictionary<Guid, (VenueTier Tier, string Region)> _venues = [];

    public Task PrepareAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task OnCaseMovedAsync(CaseMoved moved, CancellationToken ct)
    {
        var c = moved.Case;
        if (!moved.IsNew || c.ParentCaseId is not null || c.ReceivedAt is not { } at || c.ReceivingVenueId is not { } venueId)
        {
            return;
        }
        if (!_venues.TryGetValue(venueId, out var venue))
        {
            var found = await db.Venues.AsNoTracking().Where(v => v.Id == venueId).Select(v => new { v.Tier, v.RegionCode }).FirstOrDefaultAsync(ct);
            venue = found is null ? (VenueTier.CountyCenter, "") : (found.Tier, found.RegionCode);
            _venues[venueId] = venue;
        }
        if (venue.Tier == VenueTier.CountyCenter)
        {
            return;
        }
        var taken = moved.NewEvents.FirstOrDefault();
        var entry = LedgerEntry.ForCase(Guid.CreateVersion7(new DateTimeOffset(at, TimeSpan.Zero)), venueId, venue.Region, taken?.ActorId ?? "", taken?.ActorName ?? "", at,
            c.ItemCode, c.ItemName, c.Applicant.Name, c.Id, c.Number);
        db.Set<LedgerEntry>().Add(entry);
        await LedgerFigures.AddAsync(db, entry, ct);
    }
}
