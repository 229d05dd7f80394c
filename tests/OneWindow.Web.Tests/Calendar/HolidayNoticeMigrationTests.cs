using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using OneWindow.Web.Data;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Calendar;

/// <summary>Migration 0014 on a database that already has national days: the years that counted as published still do.</summary>
public class HolidayNoticeMigrationTests
{
    [Fact]
    public async Task The_years_with_national_days_are_the_loaded_notices_after_the_upgrade_but_not_a_lone_December()
    {
        using var database = new TestDatabase();
        var options = new DbContextOptionsBuilder<OneWindowDbContext>();
        DatabaseSetup.Configure(options, database.Provider == "Postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, database.ConnectionString);
        await using var db = new OneWindowDbContext(options.Options);
        var migrator = new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance, TimeProvider.System);
        await migrator.MigrateAsync(upTo: "0009_open_work_indexes");
        var at = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var (date, off) in new[] { (new DateOnly(2006, 12, 30), false), (new DateOnly(2007, 1, 1), true), (new DateOnly(2027, 2, 9), true) })
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO \"SpecialDays\" (\"RegionCode\", \"Date\", \"IsOffDay\", \"Name\", \"CreatedBy\", \"CreatedAt\") VALUES ('', {date}, {off}, {"节"}, {"admin"}, {at})");
        }
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"SpecialDays\" (\"RegionCode\", \"Date\", \"IsOffDay\", \"Name\", \"CreatedBy\", \"CreatedAt\") VALUES ('431025000000', {new DateOnly(2028, 3, 2)}, {true}, {"台风"}, {"admin"}, {at})");

        Assert.Contains("0014_statutory_holidays", await migrator.MigrateAsync());

        var notices = await db.HolidayNotices.AsNoTracking().OrderBy(n => n.Year).ToListAsync();
        Assert.Equal([2007, 2027], notices.Select(n => n.Year)); // 2006 only has the 2007 notice's December; 2028 only a local day
        Assert.All(notices, n => Assert.Equal("migration", n.LoadedBy));
        Assert.Equal(at, notices[0].LoadedAt);
    }

    [Fact]
    public async Task Migration_0015_gives_the_shipped_and_the_loaded_notices_days_their_notice_s_year_and_leaves_the_statute_change_waiting()
    {
        using var database = new TestDatabase();
        var options = new DbContextOptionsBuilder<OneWindowDbContext>();
        DatabaseSetup.Configure(options, database.Provider == "Postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, database.ConnectionString);
        await using var db = new OneWindowDbContext(options.Options);
        var migrator = new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance, TimeProvider.System);
        await migrator.MigrateAsync(upTo: "0014_statutory_holidays");
        var (first, loaded) = (new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc));
        const string reference = "国务院办公厅关于2028年部分节假日安排的通知";
        async Task Day(DateOnly date, string by, DateTime at, string reason) => await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"SpecialDays\" (\"RegionCode\", \"Date\", \"IsOffDay\", \"Name\", \"Reason\", \"CreatedBy\", \"CreatedAt\") VALUES ('', {date}, {true}, {"节"}, {reason}, {by}, {at})");
        await Day(new DateOnly(2018, 12, 30), "seed", first, "holiday-cn");            // the 2019 notice's
        await Day(new DateOnly(2018, 10, 1), "seed", first, "holiday-cn");
        await Day(new DateOnly(2028, 1, 3), "admin", loaded, reference);             // the latest load of 2028
        await Day(new DateOnly(2028, 10, 20), "admin", first, reference + "（初稿）"); // left from an earlier load
        await Day(new DateOnly(2029, 5, 7), "admin", first, "单日调整");                // set on its own
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"HolidayNotices\" (\"Year\", \"Reference\", \"LoadedAt\", \"LoadedBy\") VALUES (2028, {reference}, {loaded}, {"admin"})");

        Assert.Equal(["0015_calendar_notices_and_moves"], await migrator.MigrateAsync(upTo: "0015_calendar_notices_and_moves"));

        var years = await db.SpecialDays.AsNoTracking().OrderBy(d => d.Date).Select(d => d.NoticeYear).ToListAsync();
        Assert.Equal([2018, 2019, 2028, null, null], years);
        var waiting = await db.CalendarChanges.AsNoTracking().SingleAsync();
        Assert.Equal(Modules.Calendar.Changes.StatuteUpgrade.ChangeId, waiting.Id);
        Assert.Equal(Modules.Calendar.Changes.StatuteUpgrade.Waiting, waiting.CreatedAt);
        Assert.Null(waiting.CompletedAt);
    }

    [Fact]
    public async Task A_new_database_has_no_statute_change_waiting()
    {
        using var database = new TestDatabase();
        var options = new DbContextOptionsBuilder<OneWindowDbContext>();
        DatabaseSetup.Configure(options, database.Provider == "Postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, database.ConnectionString);
        await using var db = new OneWindowDbContext(options.Options);
        await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance, TimeProvider.System).MigrateAsync();
        Assert.False(await db.CalendarChanges.AnyAsync());
    }
}
