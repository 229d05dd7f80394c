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
}
