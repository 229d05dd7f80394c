using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Calendar;

public sealed record WorkingDayAnswer(DateOnly Date, bool IsWorkingDay, DayKind Kind, string KindName, string? Name, bool OfficialCalendarPublished, string? Region);

public sealed record DueAnswer(DateOnly FromDate, DateTime FromUtc, int WorkingDays, DateOnly DueDate, DateTime DueAtUtc, bool OfficialCalendarPublished, string? Region);

public static class CalendarModule
{
    public static IServiceCollection AddCalendarModule(this IServiceCollection services) =>
        services.AddSingleton<RegionCalendars>().AddScoped<ManageCalendar>();

    public static IEndpointRouteBuilder MapCalendarModule(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/calendar").WithTags("Calendar").AllowAnonymous();
        api.MapGet("/working-days/{date}", WorkingDay)
            .WithSummary("Is a date a working day, and why")
            .WithDescription("Statutory holidays and adjusted working days (调休) come from the national notices 2007–2026; a region's own days off or working days apply when `region` (a 12-digit division code) is given. `officialCalendarPublished` is false for a year whose notice is not in the calendar yet: then only weekends are known.");
        api.MapGet("/due", Due)
            .WithSummary("The due date of a limit in working days")
            .WithDescription("`from` is a date (yyyy-MM-dd, Beijing) or an instant (ISO 8601). The start day is not counted (民法典 §201): the limit ends at 24:00 Beijing time of the N-th working day after it. `workingDays` = 0 gives the same day (an instant item).");
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
        return TypedResults.Ok(new WorkingDayAnswer(s.Date, s.IsWorkingDay, s.Kind, EnumText.Of(s.Kind), s.Name, s.OfficialCalendarPublished, NormalizeRegion(region)));
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
        return TypedResults.Ok(new DueAnswer(ChinaTime.DateOf(startUtc), startUtc, workingDays.Value, dueDate, result.DueAtUtc!.Value,
            calendar.IsOfficialCalendarPublished(dueDate.Year) && calendar.IsOfficialCalendarPublished(ChinaTime.DateOf(startUtc).Year), NormalizeRegion(region)));
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

    private static ProblemHttpResult Problem(string field, string message) =>
        TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = message,
            Extensions = { ["code"] = "request.invalid" },
        });
}
