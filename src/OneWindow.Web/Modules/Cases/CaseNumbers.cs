using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// Case numbers: county code, Beijing date, sequence (431025-20261122-00001). Readable, sortable by date, and
/// unique under concurrency: a counter row per county and day is incremented with UPDATE … RETURNING inside the
/// caller's transaction (the row lock serializes PostgreSQL; the write gate SQLite), and the number column is unique.
/// </summary>
public static class CaseNumbers
{
    public static async Task<string> NextAsync(OneWindowDbContext db, string regionCode, DateOnly date, CancellationToken ct)
    {
        var prefix = $"{regionCode[..6]}-{date:yyyyMMdd}";
        return $"{prefix}-{await NextValueAsync(db, prefix, ct):D5}";
    }

    /// <summary>The next value of a named counter (case numbers, supervision notice numbers), inside the caller's transaction.</summary>
    public static async Task<long> NextValueAsync(OneWindowDbContext db, string prefix, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A number is taken inside the transaction that saves what it numbers.");
        // One round trip: the day's first number creates the counter, every later one increments it under its row lock.
        var value = await ExecuteAsync(connection, transaction, """
            INSERT INTO "CaseNumberCounters" ("Prefix", "LastValue") VALUES (@prefix, 1)
            ON CONFLICT ("Prefix") DO UPDATE SET "LastValue" = "CaseNumberCounters"."LastValue" + 1
            RETURNING "LastValue"
            """, prefix, ct);
        return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<object?> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, string prefix, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        var p = cmd.CreateParameter();
        p.ParameterName = "@prefix";
        p.Value = prefix;
        cmd.Parameters.Add(p);
        return await cmd.ExecuteScalarAsync(ct);
    }
}
