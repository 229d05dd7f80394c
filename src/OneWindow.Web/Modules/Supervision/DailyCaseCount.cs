namespace OneWindow.Web.Modules.Supervision;

/// <summary>
/// One Beijing day's intake and conclusions across the platform, counted once after the day has ended. A case's
/// instants are set to the moment of the action (never back-dated), so a past day's counts no longer change and the
/// dashboard's trend and month read these rows instead of counting cases again every few seconds.
/// </summary>
public sealed class DailyCaseCount
{
    public DateOnly Day { get; init; }

    /// <summary>Applications received that day (a joint case once, not its parts).</summary>
    public int Intake { get; init; }

    /// <summary>Cases concluded that day.</summary>
    public int Concluded { get; init; }

    /// <summary>Of those, the ones with a decision (the on-time rate's denominator).</summary>
    public int Decided { get; init; }

    /// <summary>Of those, the ones decided by the promised deadline.</summary>
    public int OnTime { get; init; }

    public DateTime CountedAt { get; init; }
}
