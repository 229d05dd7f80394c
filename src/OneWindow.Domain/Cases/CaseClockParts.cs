using OneWindow.Domain.Calendar;

namespace OneWindow.Domain.Cases;

/// <summary>A period when the clock did not run: a special procedure or a correction after acceptance.</summary>
public sealed record ClockPause(PauseKind Kind, string Name, DateTime StartAt, DateTime? EndAt, int ExpectedWorkingDays, string Reason)
{
    public ExcludedPeriod ToExcluded() => new(StartAt, EndAt);
}

/// <summary>One process node of a case: copied from the pinned item version, timed from when it started.</summary>
public sealed record CaseNode
{
    public required string Name { get; init; }
    public required string ActingRole { get; init; }
    public int? LimitWorkingDays { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? DueAt { get; init; }
    public DateTime? CompletedAt { get; init; }
    public string? CompletedBy { get; init; }
    public string? Opinion { get; init; }
}

/// <summary>
/// What a clock says at an instant: the due instant (null while stopped) and working days used and left. A finished
/// clock (the case was decided or closed) says what the case took: <see cref="ElapsedWorkingDays"/> to its end, and
/// whether that end came after the due instant.
/// </summary>
public sealed record ClockReading(DateTime? DueAt, DateOnly? DueDate, int ElapsedWorkingDays, int? RemainingWorkingDays, bool IsStopped, bool IsOverdue,
    bool IsFinished = false);

/// <summary>
/// A fee the case owes, copied from the published standard of the pinned version (统一收费), and what was paid against
/// it (null until paid). The fee's name is its key within the item (收费项目): the kept fee figures count by it.
/// </summary>
public sealed record CaseFee(string Name, decimal? StandardAmount, string? StandardText, string Basis, decimal? PaidAmount = null);
