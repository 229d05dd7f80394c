namespace OneWindow.Domain.Calendar;

/// <summary>Where a special day comes from: the national notice, a local decision of a region, or the statute alone.</summary>
public enum SpecialDaySource
{
    National = 0,
    Local = 1,
    /// <summary>A statutory holiday of a year whose notice is not loaded yet (《全国年节及纪念日放假办法》; provisional).</summary>
    Statute = 2,
}

/// <summary>
/// A date whose status differs from the plain rule (Monday–Friday work, weekends off), or that belongs to a
/// holiday period: a statutory day off, an adjusted working day (调休上班), or a local override.
/// </summary>
public sealed record SpecialDay(DateOnly Date, bool IsOffDay, string Name, SpecialDaySource Source = SpecialDaySource.National);
