using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// Adds to a kept row in one statement (insert, or add to what is there): two moves on the same day and grain in two
/// transactions at once both count on PostgreSQL, where a read-then-write would lose one. The same SQL on both databases,
/// for every table kept on a <see cref="FigureKey"/> (the case figures, the service figures).
/// </summary>
public static class FigureRows
{
    /// <summary>The grain's columns after the day (or the month, for <see cref="StockMonth"/>).</summary>
    public static readonly IReadOnlyList<string> GrainColumns = ["DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode"];

    private static readonly string[] KeyColumns = ["Day", .. GrainColumns];

    private static readonly string Upsert = UpsertInto("DailyFigures", DailyFigure.MeasureColumns);

    /// <summary>The case figures' statement, its parameters numbered <c>{0}</c>… in key-then-measure order (the bench's intake ceiling sends it word for word).</summary>
    public static string Statement => Upsert;

    /// <summary>The statement that adds to a row of <paramref name="table"/>, keyed on a <see cref="FigureKey"/>, with these measure columns.</summary>
    public static string UpsertInto(string table, IReadOnlyList<string> measureColumns) => UpsertInto(table, KeyColumns, measureColumns);

    /// <summary>The same, for a table keyed on other columns in <see cref="FigureKey"/> order (the first holds the key's day).</summary>
    public static string UpsertInto(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> measureColumns)
    {
        var columns = keyColumns.Concat(measureColumns).ToList();
        var values = string.Join(", ", columns.Select((_, i) => "{" + i + "}"));
        var add = string.Join(", ", measureColumns.Select(m => $"\"{m}\" = \"{table}\".\"{m}\" + excluded.\"{m}\""));
        return $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({values}) " +
            $"ON CONFLICT ({string.Join(", ", keyColumns.Select(c => $"\"{c}\""))}) DO UPDATE SET {add}";
    }

    public static Task AddAsync(OneWindowDbContext db, FigureKey key, MeasureValues values, CancellationToken ct) => AddAsync(db, Upsert, key, values.Values, ct);

    /// <summary>Runs an <see cref="UpsertInto"/> statement for one key and its measures.</summary>
    public static Task AddAsync(OneWindowDbContext db, string upsert, FigureKey key, long[] values, CancellationToken ct)
    {
        var parameters = new object[] { key.Day, key.DepartmentId, key.ItemCode, key.VenueId, key.WindowId, (int)key.Channel, key.RegionCode }
            .Concat(values.Cast<object>()).ToArray();
        return db.Database.ExecuteSqlRawAsync(upsert, parameters, ct);
    }
}
