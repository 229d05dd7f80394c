using OneWindow.Domain.Calendar;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// Work-order numbers: <c>RX</c>, the county code, the Beijing date and the day's sequence (RX431025-20261122-00001).
/// One series per county and day, gap-free and unique under concurrency: the case-number counters under their own
/// prefix (<see cref="CaseNumbers.NextValueAsync"/>), taken inside the transaction that saves the order.
/// </summary>
public static class WorkOrderNumbers
{
    public const string Prefix = "RX";

    public static async Task<string> NextAsync(OneWindowDbContext db, string regionCode, DateTime nowUtc, CancellationToken ct)
    {
        var prefix = $"{Prefix}{regionCode[..6]}-{ChinaTime.DateOf(nowUtc):yyyyMMdd}";
        return $"{prefix}-{await CaseNumbers.NextValueAsync(db, prefix, ct):D5}";
    }
}
