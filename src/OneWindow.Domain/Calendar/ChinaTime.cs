namespace OneWindow.Domain.Calendar;

/// <summary>
/// Day boundaries in China Standard Time. China has kept UTC+8 without daylight saving since 1991, so a
/// fixed offset is exact for every date the product handles and does not depend on the host's tz database.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The local (Asia/Shanghai) calendar date of a UTC instant.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(EnsureUtc(utc) + Offset);

    /// <summary>The UTC instant at which a local date begins (00:00 in Beijing).</summary>
    public static DateTime StartOfDayUtc(DateOnly date) =>
        DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);

    /// <summary>The UTC instant at which a local date ends (the next day's 00:00 in Beijing, exclusive).</summary>
    public static DateTime EndOfDayUtc(DateOnly date) => StartOfDayUtc(date.AddDays(1));

    public static DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(EnsureUtc(utc) + Offset, DateTimeKind.Unspecified);

    private static DateTime EnsureUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };
}
