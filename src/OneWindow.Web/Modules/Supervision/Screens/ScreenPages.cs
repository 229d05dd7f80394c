namespace OneWindow.Web.Modules.Supervision.Screens;

/// <summary>
/// A hall screen's list split into pages that each fit its panel: as few pages as the panel allows, of even size (20
/// windows in rows of at most 14 are two pages of 10, not 14 and 6). The page shown (1-based) wraps round, so the
/// link to the "next" page of the last one is the first.
/// </summary>
public sealed record ScreenPages(int Total, int Size, int Count, int Current)
{
    public static ScreenPages Of(int total, int mostPerPage, int requested)
    {
        var count = Math.Max(1, (total + mostPerPage - 1) / mostPerPage);
        var size = Math.Max(1, (total + count - 1) / count);
        var current = requested < 1 || requested > count ? 1 : requested;
        return new ScreenPages(total, size, count, current);
    }

    public int Next => Current % Count + 1;

    /// <summary>The address of a page: <c>{path}?windows={page}</c>, keeping a language asked for in the address.</summary>
    public static string Link(HttpRequest request, int page) =>
        request.Path + "?windows=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + (request.Query["culture"] is [{ Length: > 0 } culture] ? "&culture=" + Uri.EscapeDataString(culture) : "");

    /// <summary>Whether the item at <paramref name="index"/> (0-based) is on the page shown.</summary>
    public bool Shows(int index) => index / Size == Current - 1;

    public IEnumerable<T> OnPage<T>(IEnumerable<T> items) => items.Skip((Current - 1) * Size).Take(Size);
}
