using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// Adds to a kept row in one statement (insert, or add to what is there): two moves on the same day and grain in two
/// transactions at once both count on PostgreSQL, where a read-then-write would lose one. The same SQL on both databases.
/// </summary>
public static class FigureRows
{
    private static readonly string[] KeyColumns = ["Day", "DepartmentId", "ItemCode", "VenueId", "WindowId", "Channel", "RegionCode"];

    private static readonly string Upsert = BuildUpsert();

    /// <summary>The statement, its parameters numbered <c>{0}</c>… in key-then-measure order (the bench's intake ceiling sends it word for word).</summary>
    public static string Statement => Upsert;

    private static string BuildUpsert()
    {
        var columns = KeyColumns.Concat(DailyFigure.MeasureColumns).ToList();
        var values = string.Join(", ", columns.Select((_, i) => "{" + i + "}"));
        var add = string.Join(", ", DailyFigure.MeasureColumns.Select(m => $"\"{m}\" = \"DailyFigures\".\"{m}\" + excluded.\"{m}\""));
        return $"INSERT INTO \"DailyFigures\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({values}) " +
            $"ON CONFLICT ({string.Join(", ", KeyColumns.Select(c => $"\"{c}\""))}) DO UPDATE SET {add}";
    }

    public static Task AddAsync(OneWindowDbContext db, FigureKey key, MeasureValues values, CancellationToken ct)
    {
        var parameters = new object[] { key.Day, key.DepartmentId, key.ItemCode, key.VenueId, key.WindowId, (int)key.Channel, key.RegionCode }
            .Concat(values.Values.Cast<object>()).ToArray();
        return db.Database.ExecuteSqlRawAsync(Upsert, parameters, ct);
    }
}
