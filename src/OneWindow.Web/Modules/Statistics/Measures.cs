namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// What a kept daily figure counts (docs/statistics.md). Each is a flow on the Beijing day of the instant it names: a
/// case adds to the day it was received, accepted, paid or closed, never to a day in between.
/// </summary>
public enum Measure
{
    /// <summary>收件: received (its last receipt: a supplement after a correction notice receives it again).</summary>
    Received,
    /// <summary>Of the received, 即办件 (instant items).</summary>
    Instant,
    /// <summary>Of the received, those given at least one correction notice (补正).</summary>
    Corrected,
    /// <summary>受理: accepted (by a clerk or deemed).</summary>
    Accepted,
    /// <summary>不予受理, on the day of the refusal.</summary>
    RejectedAtIntake,
    /// <summary>撤回, on the day of the withdrawal.</summary>
    Withdrawn,
    /// <summary>终止, on the day of the termination.</summary>
    Terminated,
    /// <summary>办结: concluded (delivered), on the day of the conclusion.</summary>
    Concluded,
    /// <summary>Of the concluded, those with a decision (the on-time and duration figures' denominator).</summary>
    Decided,
    /// <summary>Of the decided, decided by the promised due instant (or with none).</summary>
    OnTime,
    /// <summary>Of the decided, decided at least one working day before the promised due day (提前办结).</summary>
    Early,
    /// <summary>Of the decided, decided after the promised due instant (超期, against the promise).</summary>
    OverduePromised,
    /// <summary>Of the decided, decided after the statutory due instant (extension included).</summary>
    OverdueStatutory,
    /// <summary>The working days past the promised due day, summed over the late ones (超期 by how much).</summary>
    OverdueWorkingDays,
    /// <summary>The working days the decided took on the legal clock (pauses excluded), summed.</summary>
    WorkingDays,
    /// <summary>Their promised limits (承诺时限), summed.</summary>
    PromisedDays,
    /// <summary>Their statutory limits (法定时限), summed.</summary>
    StatutoryDays,
    /// <summary>Closed in any way (办结, 不予受理, 撤回, 终止) after having been received: the open stock's outflow.</summary>
    Closed,
    /// <summary>Payments recorded (收费笔数).</summary>
    Paid,
    /// <summary>The amounts paid, in fen (分).</summary>
    FeeFen,
    /// <summary>Of the received (on the receipt day), accepted by a clerk within one working day of the receipt (a deemed acceptance is not prompt).</summary>
    AcceptedPromptly,
    /// <summary>Of the decided, the working days of their extensions (延期), summed: the statutory limit with them is StatutoryDays + ExtensionDays.</summary>
    ExtensionDays,
    /// <summary>Of the concluded, those the applicant never came to a counter for (跑零次): taken in online and the result mailed or sent electronically.</summary>
    ZeroVisit,
    /// <summary>Of the concluded, those the applicant came to a counter for at most once (最多跑一次), see <see cref="CaseContribution.Visits"/>.</summary>
    AtMostOneVisit,
}

/// <summary>A vector of the measures, one value per <see cref="Measure"/>.</summary>
public sealed class MeasureValues
{
    public static readonly int Count = Enum.GetValues<Measure>().Length;

    public MeasureValues() => Values = new long[Count];

    public MeasureValues(long[] values)
    {
        if (values.Length != Count)
        {
            Array.Resize(ref values, Count);
        }
        Values = values;
    }

    public long[] Values { get; }

    public long this[Measure m]
    {
        get => Values[(int)m];
        set => Values[(int)m] = value;
    }

    public bool IsZero => Values.All(v => v == 0);

    public void Add(MeasureValues other, long sign = 1)
    {
        for (var i = 0; i < Count; i++)
        {
            Values[i] += sign * other.Values[i];
        }
    }

    public MeasureValues Copy() => new((long[])Values.Clone());

    public bool SameAs(MeasureValues other) => Values.AsSpan().SequenceEqual(other.Values);

    public override string ToString() => string.Join(", ", Enum.GetValues<Measure>().Where(m => this[m] != 0).Select(m => $"{m}={this[m]}"));
}
