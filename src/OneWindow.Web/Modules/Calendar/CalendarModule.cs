using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Calendar.Changes;

namespace OneWindow.Web.Modules.Calendar;

public sealed record WorkingDayAnswer(DateOnly Date, bool IsWorkingDay, DayKind Kind, string KindName, string? Name, bool OfficialCalendarPublished, string? Region, string? Note);

public sealed record DueAnswer(DateOnly FromDate, DateTime FromUtc, int WorkingDays, DateOnly DueDate, DateTime DueAtUtc, bool OfficialCalendarPublished, string? Region, string? Note);

public static class CalendarModule
{
    /// <summary>What every date counted on a year without its notice says (ADR 0014).</summary>
    public const string ProvisionalNote = "节假日以国务院办公厅通知为准";

    public static IServiceCollection AddCalendar(this IServiceCollection services) =>
        services.PublicPages("/Calendar/Public").AuthorizePages("/Calendar/Admin", Policies.CenterAdmin).AuthorizePages("/Calendar/Workbench", Policies.CaseWork)
            .AddSingleton<RegionCalendars>().AddScoped<ManageCalendar>().AddScoped<LoadHolidayNotice>()
            .AddScoped<RecountDueDates>().AddScoped<CalendarChangeList>().AddScoped<StatuteUpgrade>()
            .AddSingleton<CalendarChangeWorker>().AddHostedService(sp => sp.GetRequiredService<CalendarChangeWorker>());

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/calendar").WithTags("Calendar").AllowAnonymous();
        api.MapGet("/working-days/{date}", WorkingDay)
            .WithSummary("Is a date a working day, and why")
            .WithDescription("Statutory holidays and adjusted working days (调休) come from the national notices (2007–2026 shipped, later years as loaded); a region's own days off or working days apply when `region` (a 12-digit division code) is given. For a year whose notice is not loaded yet, `officialCalendarPublished` is false and `note` says 节假日以国务院办公厅通知为准: the statutory holidays of 《全国年节及纪念日放假办法》 are days off, no bridge day or 调休 is guessed.");
        api.MapGet("/due", Due)
            .WithSummary("The due date of a limit in working days")
            .WithDescription("`from` is a date (yyyy-MM-dd, Beijing) or an instant (ISO 8601). The start day is not counted (民法典 §201): the limit ends at 24:00 Beijing time of the N-th working day after it. `workingDays` = 0 gives the same day (an instant item). `officialCalendarPublished` is false (and `note` set) when the count passes through a year whose notice is not loaded: the date is provisional.");
        CalendarAdminApi.Map(app);
        CalendarWorkbenchApi.Map(app);
        return app;
    }

    private static async Task<Results<Ok<WorkingDayAnswer>, ProblemHttpResult>> WorkingDay(string date, string? region, RegionCalendars calendars)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Problem("date", "日期格式应为 yyyy-MM-dd");
        }
        if (region is not null && !Domain.Organization.RegionCode.TryParse(region, out _))
        {
            return Problem("region", "行政区划代码应为 12 位数字");
        }
        if (day < WorkingDayCalendar.MinDate || day > WorkingDayCalendar.MaxDate)
        {
            return Problem("date", $"日期应在 {WorkingDayCalendar.MinDate:yyyy-MM-dd} 至 {WorkingDayCalendar.MaxDate:yyyy-MM-dd} 之间");
        }
        var calendar = await calendars.ForRegionAsync(NormalizeRegion(region));
        var s = calendar.Describe(day);
        return TypedResults.Ok(new WorkingDayAnswer(s.Date, s.IsWorkingDay, s.Kind, EnumText.Of(s.Kind), s.Name, s.OfficialCalendarPublished, NormalizeRegion(region),
            s.OfficialCalendarPublished ? null : Text.Translate(ProvisionalNote)));
    }

    private static async Task<Results<Ok<DueAnswer>, ProblemHttpResult>> Due(string? from, int? workingDays, string? region, RegionCalendars calendars)
    {
        if (ParseStart(from) is not { } startUtc)
        {
            return Problem("from", "from 应为日期 (yyyy-MM-dd) 或 ISO 8601 时间");
        }
        if (workingDays is not (>= 0 and <= 1000))
        {
            return Problem("workingDays", "workingDays 应为 0 至 1000 之间的整数");
        }
        if (region is not null && !Domain.Organization.RegionCode.TryParse(region, out _))
        {
            return Problem("region", "行政区划代码应为 12 位数字");
        }
        var calendar = await calendars.ForRegionAsync(NormalizeRegion(region));
        DueResult result;
        try
        {
            result = LegalClock.Due(calendar, startUtc, workingDays.Value);
        }
        catch (ArgumentOutOfRangeException)
        {
            return Problem("from", "超出日历范围 (2000–2100)");
        }
        var dueDate = result.DueDate!.Value;
        var provisional = calendar.IsProvisional(ChinaTime.DateOf(startUtc), dueDate);
        return TypedResults.Ok(new DueAnswer(ChinaTime.DateOf(startUtc), startUtc, workingDays.Value, dueDate, result.DueAtUtc!.Value,
            !provisional, NormalizeRegion(region), provisional ? Text.Translate(ProvisionalNote) : null));
    }

    internal static DateTime? ParseStart(string? from)
    {
        if (string.IsNullOrWhiteSpace(from))
        {
            return null;
        }
        if (DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d < WorkingDayCalendar.MinDate || d > WorkingDayCalendar.MaxDate.AddDays(-1) ? null : ChinaTime.StartOfDayUtc(d);
        }
        if (DateTimeOffset.TryParse(from, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            && instant.Year is >= 2000 and < 2100)
        {
            return instant.UtcDateTime;
        }
        return null;
    }

    private static string? NormalizeRegion(string? region) =>
        region is not null && Domain.Organization.RegionCode.TryParse(region, out var code) ? code.Value : null;

    internal static ProblemHttpResult Problem(string field, string message) =>
        TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = message,
            Extensions = { ["code"] = "request.invalid" },
        });
}
