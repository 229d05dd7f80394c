using OneWindow.Domain.Organization;

namespace OneWindow.Web.Modules.Calendar.Changes;

/// <summary>Which records a change of a region's calendar reaches: those of the region and of every region in it.</summary>
public static class CalendarScope
{
    /// <summary>The leading digits every division code in the region shares; null for the national calendar (every record).</summary>
    public static string? RegionPrefix(string regionCode)
    {
        if (!RegionCode.TryParse(regionCode, out var code))
        {
            return null;
        }
        return code.Value[..(code.Level switch
        {
            RegionLevel.Province => 2,
            RegionLevel.City => 4,
            RegionLevel.County => 6,
            RegionLevel.Town => 9,
            RegionLevel.Village => 12,
        })];
    }

    /// <summary>Whether a change of <paramref name="changeRegion"/>'s calendar reaches a record of <paramref name="recordRegion"/>.</summary>
    public static bool Covers(string changeRegion, string recordRegion) =>
        RegionPrefix(changeRegion) is not { } prefix || recordRegion.StartsWith(prefix, StringComparison.Ordinal);
}
