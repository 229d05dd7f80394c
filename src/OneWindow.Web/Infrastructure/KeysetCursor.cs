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
