namespace OneWindow.Domain.Calendar;

/// <summary>Where a special day comes from: the national notice, or a local decision of a region.</summary>
public enum SpecialDaySource
{
    National = 0,
    Local = 1,
}

/// <summary>
/// A date whose status differs from the plain rule (Monday–Friday work, weekends off), or that belongs to a
/// holiday period: a statutory day off, an adjusted working day (调休上班), or a local override.
/// </summary>
public sealed record SpecialDay(DateOnly Date, bool IsOffDay, string Name, SpecialDaySource Source = SpecialDaySource.National);
