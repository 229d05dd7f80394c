using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// The cases the checks of kept figures recount (<c>check-figures</c>): every case that may add to a day of a period,
/// received before its end and not closed before its start (a case's instants, its payment among them, all lie between
/// its last receipt and its closing), read in keyset batches by id so that no batch holds more than <c>batch</c> cases.
/// The parts of joint cases only when asked: they add to the staff figures alone (ADR 0043), on days in the same span.
/// </summary>
public static class LiveCases
{
    public static async IAsyncEnumerable<List<Case>> InBatchesAsync(OneWindowDbContext db, DateTime start, DateTime end, int batch, [EnumeratorCancellation] CancellationToken ct, bool withParts = false)
    {
        Guid? after = null;
        while (true)
        {
            var query = db.Cases.AsNoTracking().Where(c => (withParts || c.ParentCaseId == null) && c.ReceivedAt != null && c.ReceivedAt < end
                && (c.ConcludedAt == null || c.ConcludedAt >= start));
            if (after is { } key)
            {
                query = query.Where(c => c.Id.CompareTo(key) > 0);
            }
            var cases = await query.OrderBy(c => c.Id).Take(batch).ToListAsync(ct);
            if (cases.Count == 0)
            {
                yield break;
            }
            after = cases[^1].Id;
            yield return cases;
        }
    }
}
