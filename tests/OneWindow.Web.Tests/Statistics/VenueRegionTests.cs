using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Statistics;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Statistics;

/// <summary>
/// The venue's region a case's figures are kept under is kept in each instance for a few minutes (every case move
/// asks): a corrected region applies to new moves once that answer has expired, and the check moves what was counted
/// under the old one. A fixture of its own: the test changes a venue of the demo county.
/// </summary>
public class VenueRegionTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Fact]
    public async Task A_corrected_venue_region_counts_new_cases_there_once_the_kept_answer_expires_and_the_check_moves_the_rest()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var first = await CaseApi.Register(clerk, "431025-MZ-001", "周一");
        await app.SettleFiguresAsync(); // each registration settled as the sweep would a moment later, with the region known then
        var day = ChinaTime.DateOf(app.Clock.GetUtcNow().UtcDateTime);
        Guid venueId;
        string before, after;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            venueId = (await db.Cases.AsNoTracking().SingleAsync(c => c.Number == first.Number)).ReceivingVenueId!.Value;
            before = await db.Venues.Where(v => v.Id == venueId).Select(v => v.RegionCode).SingleAsync();
            // Another town of the same county, as an administrator would correct a venue placed in the wrong one.
            after = await db.Regions.AsNoTracking().Where(r => r.Code.Length == 12 && r.Code.StartsWith(before.Substring(0, 6)) && r.Code.EndsWith("000") && r.Code != before && !r.Code.EndsWith("000000"))
                .OrderBy(r => r.Code).Select(r => r.Code).FirstAsync();
            await db.Venues.Where(v => v.Id == venueId).ExecuteUpdateAsync(s => s.SetProperty(v => v.RegionCode, after));
        }

        await CaseApi.Register(clerk, "431025-MZ-001", "周二"); // within the kept answer's lifetime
        await app.SettleFiguresAsync();
        app.Clock.Advance(VenueRegionCache.Lifetime + TimeSpan.FromMinutes(1));
        await CaseApi.Register(clerk, "431025-MZ-001", "周三");
        await app.SettleFiguresAsync();
        Assert.Equal(day, ChinaTime.DateOf(app.Clock.GetUtcNow().UtcDateTime)); // still the same day: the rows below are that day's

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            long Received(string region) => db.Set<DailyFigure>().AsNoTracking().Where(f => f.Day == day && f.VenueId == venueId && f.RegionCode == region).Sum(f => f.Received);
            Assert.Equal(2, Received(before)); // the first and the stale one
            Assert.Equal(1, Received(after));  // the fresh one

            var check = scope.ServiceProvider.GetRequiredService<CheckFigures>();
            var found = await check.RunAsync(day, day, repair: true, CancellationToken.None);
            Assert.False(found.Agrees);
            Assert.Equal(2, found.StatesCorrected);
            Assert.Equal(0, Received(before));
            Assert.Equal(3, Received(after));
            Assert.True((await check.RunAsync(day, day, repair: false, CancellationToken.None)).Agrees);
        }
    }
}
