namespace OneWindow.Web.Infrastructure;

/// <summary>The "next page" key of a list ordered by an instant and an id: <c>{ticks}_{id:N}</c>, opaque to users.</summary>
public static class KeysetCursor
{
    public static string Format(DateTime at, Guid id) => $"{at.Ticks}_{id:N}";

    /// <summary>False for a missing or malformed cursor (the list then starts at the beginning).</summary>
    public static bool TryParse(string? text, out DateTime at, out Guid id)
    {
        at = default;
        id = default;
        var parts = text?.Split('_');
        if (parts is not [var ticks, var guid] || !long.TryParse(ticks, out var t) || t < 0 || t > DateTime.MaxValue.Ticks || !Guid.TryParseExact(guid, "N", out id))
        {
            return false;
        }
        at = new DateTime(t, DateTimeKind.Utc);
        return true;
    }
}

/// <summary>One page of a list ordered by (instant, id): the rows and, when there are more, the cursor of the next page.</summary>
public static class KeysetPage
{
    /// <param name="ordered">
    /// The filtered query in its keyset order, already past the cursor. Write that condition as
    /// <c>at &gt;= cursorAt &amp;&amp; (at &gt; cursorAt || id &gt; cursorId)</c> (reversed for a descending list): the leading range lets
    /// the database seek the index to the cursor, where the bare <c>OR</c> makes PostgreSQL read every row before it.
    /// </param>
    public static async Task<(List<T> Rows, string? Next)> TakeAsync<T>(IQueryable<T> ordered, int size, Func<T, (DateTime At, Guid Id)> key, CancellationToken ct)
    {
        var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(ordered.Take(size + 1), ct);
        if (rows.Count <= size)
        {
            return (rows, null);
        }
        rows.RemoveAt(size);
        var (at, id) = key(rows[^1]);
        return (rows, KeysetCursor.Format(at, id));
    }
}
