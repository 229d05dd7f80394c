using OneWindow.Web.Modules.Catalog;
using System.Net.Http.Json;
using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Cases;

public class IntakeSweepTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Fact]
    public async Task An_application_left_five_working_days_without_a_notice_is_deemed_accepted_from_receipt_once()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await (await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-MZ-002", ApplicantKind.Person, "吴十", "11010519491231002X", "13800000000", MaterialsProvided: DemoCatalog.RequiredMaterials("431025-MZ-002")), Json.Options)).ReadAsync<CaseView>();
        var sweep = app.Services.GetRequiredService<IntakeSweep>();
        try
        {
            // Received Sun 22 Nov 2026 10:00: the notice period ends at the end of Fri 27 Nov (five working days).
            app.Clock.Set(new DateTimeOffset(2026, 11, 27, 15, 59, 0, TimeSpan.Zero)); // 23:59 Beijing on the 27th
            await sweep.RunOnceAsync(CancellationToken.None);
            Assert.Equal(CaseStatus.Received, (await Read(c.Number)).Status);

            app.Clock.Set(new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero));  // 00:00 Beijing on the 28th
            Assert.True(await sweep.RunOnceAsync(CancellationToken.None) >= 1);
            var after = await Read(c.Number);
            Assert.Equal(CaseStatus.Accepted, after.Status);
            Assert.True(after.DeemedAccepted);
            Assert.Equal("System", after.Events[^1].ActorRole);

            await sweep.RunOnceAsync(CancellationToken.None);
            Assert.Equal(after.Events.Count, (await Read(c.Number)).Events.Count); // nothing happens twice
        }
        finally
        {
            app.Clock.Set(OneWindowFactory.DefaultNow);
        }
    }

    private async Task<CaseView> Read(string number)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.OneWindowDbContext>();
        var calendars = scope.ServiceProvider.GetRequiredService<Modules.Calendar.RegionCalendars>();
        var c = db.Cases.Single(x => x.Number == number);
        return await CaseView.BuildAsync(db, calendars, TestRecordKeys.Ring, c, app.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
    }
}
