namespace OneWindow.Domain.Cases;

/// <summary>
/// A case's legal clock: the limits it runs against, when it started and by when each period ends, and the time it
/// stood still (中止, 特别程序). <see cref="Case"/> sets it as actions happen; nothing else writes it.
/// </summary>
/// <remarks>
/// The sweep's and the inbox's keys (<see cref="Case.NextDeadlineAt"/>, <see cref="Case.InboxDueAt"/>) stay on the
/// case itself: they are indexed, and EF Core cannot index a column of a complex type.
/// </remarks>
public sealed class CaseClocks
{
    /// <summary>承诺时限 in working days, from the pinned guide.</summary>
    public int PromisedLimitDays { get; internal set; }
    /// <summary>法定时限 in working days, from the pinned guide.</summary>
    public int StatutoryLimitDays { get; internal set; }
    /// <summary>The working days added by the one extension (延期), 0 when none.</summary>
    public int ExtensionDays { get; internal set; }
    public string? ExtensionReason { get; internal set; }
    /// <summary>By when a correction notice must be given (five working days from receipt, 行政许可法 §32).</summary>
    public DateTime? IntakeDueAt { get; internal set; }
    /// <summary>By when the center must pre-review an online submission (accept it as received, or return it).</summary>
    public DateTime? PreReviewDueAt { get; internal set; }
    /// <summary>When the legal clock started: the acceptance, or the receipt when no notice was given in time.</summary>
    public DateTime? ClockStartAt { get; internal set; }
    /// <summary>Whether the application counts as accepted because the notice period passed (视为受理).</summary>
    public bool DeemedAccepted { get; internal set; }
    public DateTime? PromisedDueAt { get; internal set; }
    public DateTime? StatutoryDueAt { get; internal set; }
    /// <summary>The periods the clock stood still, in order; the last one is open while the case is suspended.</summary>
    public IReadOnlyList<ClockPause> Pauses { get; internal set; } = [];
}
