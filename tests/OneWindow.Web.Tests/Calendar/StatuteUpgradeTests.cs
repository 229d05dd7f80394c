using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Calendar.Changes;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Calendar.CalendarRecountTests;

namespace OneWindow.Web.Tests.Calendar;

/// <summary>
/// The upgrade from before migration 0014, when a year without its notice counted every weekday (and a year with any
/// national day counted as published): the first start after it starts a national calendar change, so the open cases
/// the statutory holidays move are recounted, show the change in their record and are listed — once.
/// </summary>
public sealed class StatuteUpgradeTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_case_due_on_New_Year_s_Day_2027_before_the_upgrade_is_recounted_recorded_and_listed_by_the_first_start_after_it()
    {
        string number;
        using (var before = Before())
        {
            var clerk = await before.SignedIn("clerk");
            // Accepted Sat 5 Dec 2026 (the 食品经营许可): 20 weekdays end on Fri 1 Jan 2027, as it was counted then.
            var c = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-SJ-003", "甲"), "accept", new { });
            Assert.Equal(new DateOnly(2027, 1, 1), c.Statutory.DueDate);
            number = c.Number;
        }
        await RollBackToBefore0014Async();

        using (var after = After())
        {
            await after.Services.GetRequiredService<CalendarChangeWorker>().RunUntilDoneAsync(CancellationToken.None);
            var recounted = await (await (await after.SignedIn("clerk")).GetAsync($"/api/v1/cases/{number}")).ReadAsync<CaseView>();
            Assert.Equal(new DateOnly(2027, 1, 4), recounted.Statutory.DueDate);
            Assert.True(recounted.DueDatesProvisional);
            Assert.Equal("calendar-changed", recounted.Events[^1].Action);
            Assert.StartsWith("启用《全国年节及纪念日放假办法》法定节假日", recounted.Events[^1].Opinion, StringComparison.Ordinal);
            Assert.True(recounted.Chain.IsIntact);

            var admin = await after.SignedIn("admin");
            var change = await (await admin.GetAsync($"/api/v1/calendar/admin/changes/{StatuteUpgrade.ChangeId}")).ReadAsync<CalendarChangeView>();
            Assert.True(change.Completed);
            Assert.Equal(1, change.RecordsMoved);
            Assert.StartsWith("启用《全国年节及纪念日放假办法》法定节假日", change.Description, StringComparison.Ordinal);
            Assert.Equal(after.Clock.GetUtcNow().UtcDateTime, change.CreatedAt);
            var listed = Assert.Single((await (await admin.GetAsync($"/api/v1/calendar/admin/changes/{change.Id}/records")).ReadAsync<ChangedRecordPage>()).Items);
            Assert.Equal(number, listed.Number);
            Assert.Contains(new MovedDueDate("Statutory", "法定期限", null, new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 4)), listed.Moves);
        }

        // Once: the next start finds nothing waiting.
        using var again = After();
        await again.Services.GetRequiredService<CalendarChangeWorker>().RunUntilDoneAsync(CancellationToken.None);
        await using var db = again.NewDbContext(out var scope);
        using (scope)
        {
            Assert.Equal(1, await db.CalendarChanges.CountAsync());
            var id = (await db.Cases.AsNoTracking().SingleAsync(x => x.Number == number)).Id;
            Assert.Equal(1, await db.CaseEvents.CountAsync(e => e.CaseId == id && e.Action == "calendar-changed"));
        }
    }

    [Fact]
    public async Task A_year_with_only_a_stopgap_national_day_is_provisional_again_and_the_cases_its_statutory_holidays_move_are_listed()
    {
        string number;
        using (var before = Before(stopgap: true))
        {
            // 社会团体成立登记, statutory 60 working days from Sat 5 Dec 2026, with 1 Jan 2027 off: Mon 1 Mar 2027.
            var clerk = await before.SignedIn("clerk.mz");
            var c = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-001", "乙"), "accept", new { });
            Assert.Equal(new DateOnly(2027, 3, 1), c.Statutory.DueDate);
            number = c.Number;
        }
        await RollBackToBefore0014Async();

        using var after = After();
        await after.Services.GetRequiredService<CalendarChangeWorker>().RunUntilDoneAsync(CancellationToken.None);
        var eve = await (await after.Anonymous().GetAsync("/api/v1/calendar/working-days/2027-02-05")).ReadAsync<WorkingDayAnswer>();
        Assert.False(eve.IsWorkingDay); // 除夕, by the statute
        Assert.False(eve.OfficialCalendarPublished);
        Assert.False((await (await after.Anonymous().GetAsync("/api/v1/calendar/working-days/2027-01-01")).ReadAsync<WorkingDayAnswer>()).IsWorkingDay);
        var admin = await after.SignedIn("admin");
        Assert.DoesNotContain((await (await admin.GetAsync("/api/v1/calendar/admin/notices")).ReadAsync<List<NoticeView>>()), n => n.Year == 2027);
        var change = await (await admin.GetAsync($"/api/v1/calendar/admin/changes/{StatuteUpgrade.ChangeId}")).ReadAsync<CalendarChangeView>();
        Assert.Contains("2027 年的全国调整日为逐日设置", change.Description, StringComparison.Ordinal);
        var listed = Assert.Single((await (await admin.GetAsync($"/api/v1/calendar/admin/changes/{change.Id}/records")).ReadAsync<ChangedRecordPage>()).Items);
        Assert.Equal(number, listed.Number);
        // 除夕 Fri 5 Feb and 初三 Mon 8 Feb are weekday statutory holidays.
        Assert.Contains(new MovedDueDate("Statutory", "法定期限", null, new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 3)), listed.Moves);
    }

    [Fact]
    public async Task A_year_whose_days_were_set_by_hand_is_not_published_after_the_upgrade_even_with_every_statutory_holiday()
    {
        // Before 0014 an administrator entered 2027's statutory holidays one by one, with no notice: 0014 took 2027 as published.
        using (Before(handSet: true))
        {
        }
        await RollBackToBefore0014Async();

        using var after = After();
        await after.Services.GetRequiredService<CalendarChangeWorker>().RunUntilDoneAsync(CancellationToken.None);
        var anonymous = after.Anonymous();
        var eve = await (await anonymous.GetAsync("/api/v1/calendar/working-days/2027-02-05")).ReadAsync<WorkingDayAnswer>();
        Assert.False(eve.IsWorkingDay); // the day set by hand stays
        Assert.Equal("手工设置的除夕", eve.Name);
        Assert.False(eve.OfficialCalendarPublished);
        Assert.Equal(CalendarModule.ProvisionalNote, eve.Note);
        var due = await (await anonymous.GetAsync("/api/v1/calendar/due?from=2027-03-01&workingDays=1")).ReadAsync<DueAnswer>();
        Assert.False(due.OfficialCalendarPublished);
        var admin = await after.SignedIn("admin");
        Assert.DoesNotContain(await (await admin.GetAsync("/api/v1/calendar/admin/notices")).ReadAsync<List<NoticeView>>(), n => n.Year == 2027);
        var change = await (await admin.GetAsync($"/api/v1/calendar/admin/changes/{StatuteUpgrade.ChangeId}")).ReadAsync<CalendarChangeView>();
        Assert.Contains("2027 年的全国调整日为逐日设置", change.Description, StringComparison.Ordinal);
        Assert.Contains("2027 年的国务院放假通知尚未录入", await anonymous.GetStringAsync("/calendar?year=2027"), StringComparison.Ordinal);
    }

    private static readonly DateTimeOffset AcceptedAt = Bj(2026, 12, 5);

    /// <summary>
    /// The product as it counted before 0014, on this database: 2027 counted as published (no statutory holiday), and
    /// with <paramref name="stopgap"/> an administrator's single national day off on 1 January 2027, with
    /// <paramref name="handSet"/> every statutory holiday of 2027 entered by hand as a national day off.
    /// </summary>
    private OneWindowFactory Before(bool stopgap = false, bool handSet = false)
    {
        var host = OneWindowFactory.On(_database);
        host.Clock.Set(AcceptedAt);
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        db.HolidayNotices.Add(new HolidayNotice { Year = 2027, Reference = "（0014 之前：有全国调整日即视为已发布）", LoadedAt = AcceptedAt.UtcDateTime, LoadedBy = "test" });
        if (stopgap)
        {
            db.SpecialDays.Add(new Modules.Calendar.SpecialDayEntry
            {
                RegionCode = "", Date = new DateOnly(2027, 1, 1), IsOffDay = true, Name = "元旦", Reason = "通知未发布前先按元旦放假", CreatedBy = "admin", CreatedAt = AcceptedAt.UtcDateTime,
            });
        }
        if (handSet)
        {
            db.SpecialDays.AddRange(Domain.Calendar.StatutoryHolidays.Of(2027).Select(d => new Modules.Calendar.SpecialDayEntry
            {
                RegionCode = "", Date = d.Date, IsOffDay = true, Name = d.Date == new DateOnly(2027, 2, 5) ? "手工设置的除夕" : d.Name, Reason = "按放假办法逐日设置",
                CreatedBy = "admin", CreatedAt = AcceptedAt.UtcDateTime,
            }));
        }
        db.SaveChanges();
        scope.ServiceProvider.GetRequiredService<RegionCalendars>().Invalidate();
        return host;
    }

    private OneWindowFactory After()
    {
        var host = OneWindowFactory.On(_database);
        host.Clock.Set(Bj(2026, 12, 7, 9));
        _ = host.Services; // starts: migrations 0014 and 0015, the seed, the upgrade's change
        return host;
    }

    /// <summary>The schema as it was before 0014 (what 0014 and 0015 add is dropped; the later outbox of 0016 stays), the data kept.</summary>
    private async Task RollBackToBefore0014Async()
    {
        var options = new DbContextOptionsBuilder<OneWindowDbContext>();
        DatabaseSetup.Configure(options, _database.Provider == "Postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, _database.ConnectionString);
        await using var db = new OneWindowDbContext(options.Options);
        await db.Database.ExecuteSqlRawAsync("""
            DROP INDEX "IX_Cases_OpenById";
            DROP TABLE "CalendarChangeEntries";
            DROP TABLE "CalendarChanges";
            DROP TABLE "HolidayNotices";
            ALTER TABLE "SpecialDays" DROP COLUMN "NoticeYear";
            DELETE FROM __schema_migrations WHERE id >= '0014' AND id < '0016';
            """);
        Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM __schema_migrations WHERE id >= '0014' AND id < '0016'").SingleAsync());
    }
}
