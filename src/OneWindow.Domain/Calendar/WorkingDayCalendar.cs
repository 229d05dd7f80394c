namespace OneWindow.Domain.Calendar;

/// <summary>
/// The working-day calendar of one region: the national calendar of statutory days off and adjusted working
/// days (行政许可法 §82: limits count working days), plus the region's own overrides. A year whose notice is not
/// loaded keeps the statutory holidays of 《全国年节及纪念日放假办法》 (<see cref="StatutoryHolidays"/>), marked
/// provisional: the notice may add bridge and 调休 days, never take a statutory holiday away (ADR 0014).
/// <para>
/// Every day in <see cref="MinDate"/>..<see cref="MaxDate"/> gets a working-day ordinal (how many working days
/// there are from <see cref="MinDate"/> up to and including it), and every ordinal maps back to its day. Each
/// operation is then an array lookup: constant time, no day-by-day loop.
/// </para>
/// </summary>
public sealed class WorkingDayCalendar
{
    public static readonly DateOnly MinDate = new(2000, 1, 1);
    public static readonly DateOnly MaxDate = new(2100, 12, 31);

    private readonly int _minDayNumber = MinDate.DayNumber;
    private readonly Dictionary<DateOnly, SpecialDay> _specialDays;
    private readonly HashSet<int> _publishedYears;
    private readonly bool[] _isWorking;
    // _ordinalOnOrBefore[i]: working days in MinDate..day i inclusive.
    private readonly int[] _ordinalOnOrBefore;
    // _dayIndexOfOrdinal[k]: the day index of the k-th working day (k from 1).
    private readonly int[] _dayIndexOfOrdinal;

    private WorkingDayCalendar(Dictionary<DateOnly, SpecialDay> specialDays, HashSet<int> publishedYears)
    {
        _specialDays = specialDays;
        _publishedYears = publishedYears;
        var dayCount = MaxDate.DayNumber - _minDayNumber + 1;
        _isWorking = new bool[dayCount];
        _ordinalOnOrBefore = new int[dayCount];
        var ordinals = new List<int>(dayCount * 5 / 7 + 16) { -1 };
        var count = 0;
        for (var i = 0; i < dayCount; i++)
        {
            var date = DateOnly.FromDayNumber(_minDayNumber + i);
            var working = specialDays.TryGetValue(date, out var special) ? !special.IsOffDay : !IsWeekend(date);
            _isWorking[i] = working;
            if (working)
            {
                count++;
                ordinals.Add(i);
            }
            _ordinalOnOrBefore[i] = count;
        }
        _dayIndexOfOrdinal = [.. ordinals];
    }

    /// <summary>
    /// Builds a calendar from national special days and a region's local overrides (local wins). The years whose
    /// notices are loaded are <paramref name="publishedYears"/>, always said by the caller: a year with national days is
    /// not taken for a published one (days set by hand are no notice, ADR 0014). Every other year gets its statutory
    /// holidays, which a national or local day of the same date overrides.
    /// </summary>
    public static WorkingDayCalendar Create(IEnumerable<SpecialDay> national, IEnumerable<SpecialDay>? local, IEnumerable<int> publishedYears)
    {
        var nationalDays = national.ToList();
        var published = publishedYears.ToHashSet();
        var days = new Dictionary<DateOnly, SpecialDay>();
        for (var year = MinDate.Year; year <= MaxDate.Year; year++)
        {
            if (!published.Contains(year))
            {
                foreach (var day in StatutoryHolidays.Of(year))
                {
                    days[day.Date] = day;
                }
            }
        }
        foreach (var day in nationalDays)
        {
            days[day.Date] = day with { Source = SpecialDaySource.National };
        }
        foreach (var day in local ?? [])
        {
            days[day.Date] = day with { Source = SpecialDaySource.Local };
        }
        return new WorkingDayCalendar(days, published);
    }

    public bool IsWorkingDay(DateOnly date) => _isWorking[Index(date)];

    /// <summary>Whether a date is a working day, and why.</summary>
    public DayStatus Describe(DateOnly date)
    {
        var working = IsWorkingDay(date);
        var published = _publishedYears.Contains(date.Year);
        if (!_specialDays.TryGetValue(date, out var special))
        {
            return new DayStatus(date, working, working ? DayKind.OrdinaryWorkingDay : DayKind.Weekend, null, published);
        }
        var kind = (special.Source, special.IsOffDay) switch
        {
            (SpecialDaySource.Local, true) => DayKind.LocalDayOff,
            (SpecialDaySource.Local, false) => DayKind.LocalWorkingDay,
            (SpecialDaySource.National, true) => DayKind.StatutoryHoliday,
            (SpecialDaySource.National, false) => IsWeekend(date) ? DayKind.AdjustedWorkingDay : DayKind.OrdinaryWorkingDay,
            (SpecialDaySource.Statute, _) => DayKind.StatutoryHoliday,
            _ => throw new ArgumentOutOfRangeException(nameof(date)),
        };
        return new DayStatus(date, working, kind, special.Name, published);
    }

    /// <summary>Whether the national notice for a year is in the calendar (otherwise its statutory holidays and weekends are known, not its 调休).</summary>
    public bool IsOfficialCalendarPublished(int year) => _publishedYears.Contains(year);

    /// <summary>
    /// Whether counting from <paramref name="from"/> to <paramref name="to"/> passes through a year whose notice is not
    /// loaded: a due date found that way is provisional (节假日以国务院办公厅通知为准) and may move when the notice comes.
    /// </summary>
    public bool IsProvisional(DateOnly from, DateOnly to)
    {
        var (first, last) = from <= to ? (from.Year, to.Year) : (to.Year, from.Year);
        for (var year = first; year <= last; year++)
        {
            if (!_publishedYears.Contains(year))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="date"/>; the start day itself is
    /// not counted (民法典 §201). Zero gives the date itself.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        if (workingDays == 0)
        {
            return date;
        }
        return DayOfOrdinal(_ordinalOnOrBefore[Index(date)] + workingDays);
    }

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day before <paramref name="date"/> (counting back from the last
    /// working day on or before it); zero gives that working day. For "a reminder one working day before the deadline".
    /// </summary>
    public DateOnly SubtractWorkingDays(DateOnly date, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        return DayOfOrdinal(_ordinalOnOrBefore[Index(date)] - workingDays);
    }

    /// <summary>Working days in the half-open span (<paramref name="from"/>, <paramref name="to"/>]; negative when to is before from.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) =>
        _ordinalOnOrBefore[Index(to)] - _ordinalOnOrBefore[Index(from)];

    /// <summary>Working days that have fully begun after <paramref name="from"/> and up to <paramref name="date"/>, i.e. the ordinal distance.</summary>
    internal int Ordinal(DateOnly date) => _ordinalOnOrBefore[Index(date)];

    internal DateOnly DayOfOrdinal(int ordinal)
    {
        if (ordinal < 1 || ordinal >= _dayIndexOfOrdinal.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(ordinal), $"Outside the calendar's range {MinDate}..{MaxDate}.");
        }
        return DateOnly.FromDayNumber(_minDayNumber + _dayIndexOfOrdinal[ordinal]);
    }

    /// <summary>The special days of one year (for the calendar page), in date order.</summary>
    public IReadOnlyList<SpecialDay> SpecialDaysIn(int year) =>
        [.. _specialDays.Values.Where(d => d.Date.Year == year).OrderBy(d => d.Date)];

    private int Index(DateOnly date)
    {
        if (date < MinDate || date > MaxDate)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"Outside the calendar's range {MinDate}..{MaxDate}.");
        }
        return date.DayNumber - _minDayNumber;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
