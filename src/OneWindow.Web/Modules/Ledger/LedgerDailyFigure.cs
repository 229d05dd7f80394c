using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Ledger;

/// <summary>
/// 台帐日数据: the ledger's kept figures, one row per Beijing day × venue × region × kind × outcome, added to in the
/// transaction that records the service (ADR 0031). The tier assessment sums these rows, never the ledger.
/// </summary>
public sealed class LedgerDailyFigure
{
    public DateOnly Day { get; init; }
    public Guid VenueId { get; init; }
    public string RegionCode { get; init; } = "";
    public LedgerKind Kind { get; init; }
    public LedgerOutcome Outcome { get; init; }
    public long Services { get; set; }
}

/// <summary>Adds one service to its kept row in one statement (insert, or add to what is there), the same SQL on both databases.</summary>
public static class LedgerFigures
{
    private const string Upsert =
        "INSERT INTO \"LedgerDailyFigures\" (\"Day\", \"VenueId\", \"RegionCode\", \"Kind\", \"Outcome\", \"Services\") VALUES ({0}, {1}, {2}, {3}, {4}, 1) " +
        "ON CONFLICT (\"Day\", \"VenueId\", \"RegionCode\", \"Kind\", \"Outcome\") DO UPDATE SET \"Services\" = \"LedgerDailyFigures\".\"Services\" + 1";

    public static Task AddAsync(OneWindowDbContext db, LedgerEntry entry, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(Upsert, [entry.Day, entry.VenueId, entry.RegionCode, (int)entry.Kind, (int)entry.Outcome], ct);
}
