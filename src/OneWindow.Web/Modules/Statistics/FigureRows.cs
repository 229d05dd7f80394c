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
    /// <summary>The grain's columns after the day (or the span and its start, for <see cref="PeriodFigure"/>).</summary>
    public static readonly IReadOnlyList<string> GrainColumns = ["DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode"];

    private static readonly string[] KeyColumns = ["Day", .. GrainColumns];

    private static readonly string Upsert = UpsertInto("DailyFigures", KeptFigureRow.MeasureColumns);

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

    /// <summary>
    /// The statement that adds to <paramref name="rows"/> rows of <paramref name="table"/> at once (one multi-row insert
    /// with the same conflict clause): what the case hook sends, one for the day rows and one for the month and year rows
    /// of a save, however many keys it touches. The rows' keys must differ (PostgreSQL refuses to update a row twice).
    /// </summary>
    /// <remarks>The parameters are numbered from <paramref name="firstParameter"/>, so that two statements can share a command.</remarks>
    public static string UpsertRows(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> measureColumns, int rows, int firstParameter = 0)
    {
        var columns = keyColumns.Concat(measureColumns).ToList();
        var values = string.Join(", ", Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", columns.Select((_, i) => "{" + (firstParameter + r * columns.Count + i) + "}")) + ")"));
        var add = string.Join(", ", measureColumns.Select(m => $"\"{m}\" = \"{table}\".\"{m}\" + excluded.\"{m}\""));
        return $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES {values} " +
            $"ON CONFLICT ({string.Join(", ", keyColumns.Select(c => $"\"{c}\""))}) DO UPDATE SET {add}";
    }

    /// <summary>The most rows one statement carries (32 parameters each: well inside both databases' limits).</summary>
    public const int RowsPerStatement = 200;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> DayStatements = new();

    /// <summary>The day rows' statement for <paramref name="rows"/> rows (the bench's intake ceiling sends it word for word).</summary>
    public static string DayStatement(int rows) => DayStatements.GetOrAdd(rows, n => UpsertRows("DailyFigures", KeyColumns, KeptFigureRow.MeasureColumns, n));

    /// <summary>Adds the day rows' deltas, in key order, in as few statements as <see cref="RowsPerStatement"/> allows (one for a case move).</summary>
    public static async Task AddDaysAsync(OneWindowDbContext db, IReadOnlyList<KeyValuePair<FigureKey, MeasureValues>> deltas, CancellationToken ct)
    {
        foreach (var chunk in deltas.Chunk(RowsPerStatement))
        {
            var parameters = new List<object>(chunk.Length * (KeyColumns.Length + MeasureValues.Count));
            AddDayParameters(parameters, chunk);
            await db.Database.ExecuteSqlRawAsync(DayStatement(chunk.Length), parameters, ct);
        }
    }

    /// <summary>The parameters of <see cref="DayStatement"/>'s rows, key then measures, row after row.</summary>
    public static void AddDayParameters(List<object> parameters, IEnumerable<KeyValuePair<FigureKey, MeasureValues>> rows)
    {
        foreach (var (key, values) in rows)
        {
            parameters.AddRange([key.Day, key.DepartmentId, key.ItemCode, key.VenueId, key.WindowId, (int)key.Channel, key.RegionCode]);
            parameters.AddRange(values.Values.Cast<object>());
        }
    }

    /// <summary>A stable order of keys (the same rows locked in the same order by every save: no deadlock between two).</summary>
    public static int Compare(FigureKey a, FigureKey b)
    {
        var c = a.Day.CompareTo(b.Day);
        if (c == 0) { c = a.DepartmentId.CompareTo(b.DepartmentId); }
        if (c == 0) { c = string.CompareOrdinal(a.ItemCode, b.ItemCode); }
        if (c == 0) { c = a.VenueId.CompareTo(b.VenueId); }
        if (c == 0) { c = a.WindowId.CompareTo(b.WindowId); }
        if (c == 0) { c = a.Channel.CompareTo(b.Channel); }
        if (c == 0) { c = string.CompareOrdinal(a.RegionCode, b.RegionCode); }
        return c;
    }
}
