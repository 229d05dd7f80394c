using OneWindow.Domain.Calendar;

namespace OneWindow.Domain.Hotline;

/// <summary>
/// One limit of a work order: a number of working days on the legal calendar (the starting day not counted, ending at
/// 24:00 Beijing time, as every limit of the product: <see cref="LegalClock"/>), or a number of hours around the clock
/// for urgent orders (the hotline never closes: 济南 §21, 潍坊 §17).
/// </summary>
public sealed record HotlineLimit(int? WorkingDays, int? Hours)
{
    public static HotlineLimit Days(int days) => new(days, null);

    public static HotlineLimit InHours(int hours) => new(null, hours);

    public bool IsValid => (WorkingDays, Hours) is ({ } d, null) && d is >= 0 and <= 365 || (WorkingDays, Hours) is (null, { } h) && h is >= 1 and <= 720;

    /// <summary>The instant the limit ends when it starts at <paramref name="fromUtc"/>.</summary>
    public DateTime DueFrom(DateTime fromUtc, WorkingDayCalendar calendar) =>
        Hours is { } h ? fromUtc.AddHours(h) : LegalClock.Due(calendar, fromUtc, WorkingDays ?? 0).DueAtUtc!.Value;

    public override string ToString() => Hours is { } h ? $"{h} 小时" : $"{WorkingDays} 个工作日";
}

/// <summary>
/// The limits of the hotline, configurable by type and urgency (the host reads them from <c>Hotline:Limits:*</c>).
/// The defaults follow the local laws: a consultation answered in 1 working day; help, complaints and reports handled
/// in 5 (济南 §24, 潍坊 §20: a longer limit set by law prevails, given by the category); suggestions in 10; praise
/// passed on in 5; signed for within 1 working day, 2 hours when urgent; an urgent order handled within 24 hours;
/// the caller called back within 2 working days of the accepted reply.
/// </summary>
public sealed class WorkOrderLimits
{
    public Dictionary<WorkOrderType, int> HandlingWorkingDays { get; init; } = new()
    {
        [WorkOrderType.Consultation] = 1,
        [WorkOrderType.Help] = 5,
        [WorkOrderType.Complaint] = 5,
        [WorkOrderType.Report] = 5,
        [WorkOrderType.Suggestion] = 10,
        [WorkOrderType.Praise] = 5,
    };

    public int SignWorkingDays { get; init; } = 1;
    public int UrgentSignHours { get; init; } = 2;
    public int UrgentHandlingHours { get; init; } = 24;
    public int CallbackWorkingDays { get; init; } = 2;

    public static WorkOrderLimits Default { get; } = new();

    /// <summary>The limit to sign for a dispatched order.</summary>
    public HotlineLimit SignFor(WorkOrderUrgency urgency) =>
        urgency == WorkOrderUrgency.Urgent ? HotlineLimit.InHours(UrgentSignHours) : HotlineLimit.Days(SignWorkingDays);

    /// <summary>
    /// The limit to handle and reply: by type, or the category's own when a law gives its matters a longer one; an
    /// urgent order in hours.
    /// </summary>
    public HotlineLimit Handling(WorkOrderType type, WorkOrderUrgency urgency, int? categoryWorkingDays = null)
    {
        if (urgency == WorkOrderUrgency.Urgent)
        {
            return HotlineLimit.InHours(UrgentHandlingHours);
        }
        var days = HandlingWorkingDays.TryGetValue(type, out var d) ? d : 5;
        return HotlineLimit.Days(categoryWorkingDays is { } c && c > days ? c : days);
    }

    public HotlineLimit Callback => HotlineLimit.Days(CallbackWorkingDays);
}
