using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// A venue's readiness counts as they stood at a month's end (ADR 0039): written once per month and venue by the sweep
/// after the month has ended, so a past period's 事项进驻率, 授权到位率 and 人员到位率 are the organization of that time,
/// not today's. The venue's name, tier and region are kept with it (a venue renamed or moved later stays as it was).
/// </summary>
public sealed class ReadinessSnapshot
{
    /// <summary>The first day of the month the snapshot closes.</summary>
    public DateOnly Month { get; set; }
    public Guid VenueId { get; set; }
    public required string VenueName { get; set; }
    public VenueTier Tier { get; set; }
    public required string RegionCode { get; set; }
    public int ListedItems { get; set; }
    public int ItemsTakenIn { get; set; }
    public int ItemsDecided { get; set; }
    public int Windows { get; set; }
    public int WindowsStaffed { get; set; }
    public DateTime TakenAt { get; set; }
}

internal sealed class ReadinessSnapshotConfiguration : IEntityTypeConfiguration<ReadinessSnapshot>
{
    public void Configure(EntityTypeBuilder<ReadinessSnapshot> b)
    {
        b.ToTable("ReadinessSnapshots");
        // One row per month and venue: the key makes a second writer's insert a no-op (two app instances sweeping).
        b.HasKey(s => new { s.Month, s.VenueId });
        b.Property(s => s.VenueName).HasMaxLength(200);
        b.Property(s => s.RegionCode).HasMaxLength(12);
    }
}

/// <summary>
/// Takes the month-end readiness snapshot: after a month has ended (Beijing time), the first pass writes every venue's
/// counts as the organization stands then, under the month; later passes find it written and do nothing. Each row is
/// inserted with <c>ON CONFLICT DO NOTHING</c> on its key, so two instances sweeping at once write each row once.
/// </summary>
public sealed class ReadinessSnapshotSweep(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<ReadinessSnapshotSweep> logger) : BackgroundService
{
    private const string Insert =
        "INSERT INTO \"ReadinessSnapshots\" (\"Month\", \"VenueId\", \"VenueName\", \"Tier\", \"RegionCode\", \"ListedItems\", \"ItemsTakenIn\", \"ItemsDecided\", \"Windows\", \"WindowsStaffed\", \"TakenAt\") " +
        "VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}) ON CONFLICT (\"Month\", \"VenueId\") DO NOTHING";

    /// <summary>The month a pass at <paramref name="now"/> closes: the one before the current Beijing month.</summary>
    public static DateOnly MonthToClose(DateTime now)
    {
        var today = ChinaTime.DateOf(now);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
    }

    /// <summary>One pass; returns how many venue rows it wrote (0 when the last month's snapshot was already taken).</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var month = MonthToClose(now);
        if (await db.Set<ReadinessSnapshot>().AsNoTracking().AnyAsync(s => s.Month == month, ct))
        {
            return 0;
        }
        var live = await scope.ServiceProvider.GetRequiredService<Readiness>().RunAsync(null, 12, ct);
        var unit = scope.ServiceProvider.GetRequiredService<WriteUnit>();
        return await unit.RunAsync(async t =>
        {
            var written = 0;
            foreach (var v in live.Venues)
            {
                var c = v.Counts;
                written += await db.Database.ExecuteSqlRawAsync(Insert,
                    [month, v.VenueId, v.Name, (int)v.Tier, v.RegionCode, c.ListedItems, c.ItemsTakenIn, c.ItemsDecided, c.Windows, c.WindowsStaffed, now], t);
            }
            return written;
        }, ct);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicPass.RunAsync(clock, TimeSpan.FromSeconds(configuration.GetValue("Statistics:ReadinessSweepSeconds", 3600)), async ct =>
        {
            var written = await RunOnceAsync(ct);
            if (written > 0)
            {
                logger.LogInformation("Readiness snapshot of {Month} taken for {Count} venues", MonthToClose(clock.GetUtcNow().UtcDateTime), written);
            }
        }, logger, "The readiness snapshot sweep", stoppingToken);
}
