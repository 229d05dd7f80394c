namespace OneWindow.Domain.Calendar;

public enum DayKind
{
    /// <summary>Monday to Friday with nothing special.</summary>
    OrdinaryWorkingDay = 0,
    /// <summary>Saturday or Sunday with nothing special.</summary>
    Weekend = 1,
    /// <summary>A day off in a statutory holiday period (法定节假日及调休放假).</summary>
    StatutoryHoliday = 2,
    /// <summary>A Saturday or Sunday declared a working day (调休上班).</summary>
    AdjustedWorkingDay = 3,
    /// <summary>A day off decided by the region (e.g. a typhoon day).</summary>
    LocalDayOff = 4,
    /// <summary>A working day decided by the region.</summary>
    LocalWorkingDay = 5,
}

/// <summary>Whether a date is a working day, and why.</summary>
public sealed record DayStatus(DateOnly Date, bool IsWorkingDay, DayKind Kind, string? Name, bool OfficialCalendarPublished);
