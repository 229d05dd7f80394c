namespace OneWindow.Web.Modules.Calendar;

/// <summary>A day in the national calendar (RegionCode empty) or a region's local override.</summary>
public sealed class SpecialDayEntry
{
    public long Id { get; init; }
    public required string RegionCode { get; init; }
    public DateOnly Date { get; init; }
    public bool IsOffDay { get; set; }
    public required string Name { get; set; }
    public string? Reason { get; set; }
    public required string CreatedBy { get; init; }
    public DateTime CreatedAt { get; init; }
    /// <summary>
    /// For a national day, the year of the State Council notice it came from (a December day may belong to the next
    /// year's notice): loading that year's notice again replaces every day of it. Null for a day set on its own.
    /// </summary>
    public int? NoticeYear { get; init; }

    public const string National = "";
}
