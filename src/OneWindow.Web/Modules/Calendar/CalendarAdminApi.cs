using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Calendar.Changes;

namespace OneWindow.Web.Modules.Calendar;

public sealed record SetDayRequest(string? RegionCode, DateOnly? Date, bool? IsOffDay, string? Name, string? Reason);

public sealed record RemoveDayRequest(string? Reason);

public sealed record DayAnswer(long Id, string RegionCode, DateOnly Date, bool IsOffDay, string Name, string? Reason, CalendarChangeView Change);

/// <summary>
/// The calendar administration over the API, the twin of <c>/admin/calendar</c>: a year's notice loaded, a day set or
/// removed (each a calendar change whose recount runs in the background), and the changes with the records they moved.
/// </summary>
public static class CalendarAdminApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        // Its own group: the public calendar group allows the anonymous, which an inner group would inherit.
        var admin = app.MapGroup("/api/v1/calendar/admin").RequireAuthorization(Policies.CenterAdmin).WithTags("Calendar administration");
        admin.MapPost("/notices", LoadNotice)
            .WithSummary("Load a year's State Council holiday notice")
            .WithDescription("`days` lists every day off of the notice's holiday periods and every 调休 working day (dates in the year or the December before). Every statutory holiday of 《全国年节及纪念日放假办法》 must be a day off, or the notice is refused (400 `calendar.notice-misses-statutory-holiday`) — unless `confirmDisagreement` is true: the administrator has checked the notice's text and it decides (a close 清明, a lunar edge year); the disagreement is kept in the audit entry and on the change (`disagreement`). Every national day of an earlier load of the year, and every national day set on its own in the year, is replaced, and the recount of open records' due dates starts: 202 with the change to follow at `/changes/{id}`.");
        admin.MapGet("/notices", Notices).WithSummary("The years whose notices are loaded");
        admin.MapPost("/days", SetDay)
            .WithSummary("Set one day of the national calendar or of a region (a typhoon day off, a make-up working day)")
            .WithDescription("`regionCode` empty or absent for the national calendar. A calendar change: the due dates it moves are recounted in the background.");
        admin.MapPost("/days/{id}/remove", RemoveDay).WithSummary("Remove a day set before, with a reason");
        admin.MapGet("/changes", Changes).WithSummary("The calendar changes, newest first, paged by key (`after` = a page's `next`)");
        admin.MapGet("/changes/{id:guid}", Change).WithSummary("One change: its recount's progress and how many records it moved");
        admin.MapGet("/changes/{id:guid}/records", Records)
            .WithSummary("The records a change moved, with each due date before and after")
            .WithDescription("Paged by key: pass a page's `next` as `after`; `limit` 1–200 (default 100). Phones are masked.");
        app.MapGet("/admin/calendar/changes/{id:guid}/export", async (Guid id, CalendarChangeList list, HttpContext http, CancellationToken ct) =>
        {
            await list.GetAsync(id, ct); // a 404 before the headers go out
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"calendar-change-{id:N}.csv\"; filename*=UTF-8''{Uri.EscapeDataString($"期限变动-{id:N}.csv")}";
            await list.WriteCsvAsync(id, http.Response.Body, ct);
        }).RequireAuthorization(Policies.CenterAdmin).ExcludeFromDescription();
    }

    private static async Task<Accepted<CalendarChangeView>> LoadNotice(HolidayNoticeRequest request, LoadHolidayNotice load, CalendarChangeList list, HttpContext http, CancellationToken ct)
    {
        var change = await load.LoadAsync(request, http.User.ActorName(), ct);
        return TypedResults.Accepted($"/api/v1/calendar/admin/changes/{change.Id}", await list.GetAsync(change.Id, ct));
    }

    private static async Task<Ok<IReadOnlyList<NoticeView>>> Notices(CalendarChangeList list, CancellationToken ct) =>
        TypedResults.Ok(await list.NoticesAsync(ct));

    private static async Task<Results<Created<DayAnswer>, ProblemHttpResult>> SetDay(SetDayRequest request, ManageCalendar manage, CalendarChangeList list, HttpContext http, CancellationToken ct)
    {
        if (request.Date is not { } date)
        {
            return CalendarModule.Problem("date", "请选择日期。");
        }
        if (request.IsOffDay is not { } off)
        {
            return CalendarModule.Problem("isOffDay", "请说明调整为休息日还是工作日。");
        }
        var (entry, change) = await manage.SetDayAsync(request.RegionCode ?? "", date, off, request.Name ?? "", request.Reason ?? "", http.User.ActorName(), ct);
        return TypedResults.Created($"/api/v1/calendar/admin/changes/{change.Id}",
            new DayAnswer(entry.Id, entry.RegionCode, entry.Date, entry.IsOffDay, entry.Name, entry.Reason, await list.GetAsync(change.Id, ct)));
    }

    private static async Task<Results<Accepted<CalendarChangeView>, ProblemHttpResult>> RemoveDay(string id, RemoveDayRequest request, ManageCalendar manage, CalendarChangeList list, HttpContext http, CancellationToken ct)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key))
        {
            return CalendarModule.Problem("id", "日历调整的编号应为数字。");
        }
        var change = await manage.RemoveDayAsync(key, request.Reason ?? "", http.User.ActorName(), ct);
        return TypedResults.Accepted($"/api/v1/calendar/admin/changes/{change.Id}", await list.GetAsync(change.Id, ct));
    }

    private static async Task<Ok<CalendarChangePage>> Changes(string? after, int? limit, CalendarChangeList list, CancellationToken ct) =>
        TypedResults.Ok(await list.ListAsync(after, limit, ct));

    private static async Task<Ok<CalendarChangeView>> Change(Guid id, CalendarChangeList list, CancellationToken ct) =>
        TypedResults.Ok(await list.GetAsync(id, ct));

    private static async Task<Ok<ChangedRecordPage>> Records(Guid id, long? after, int? limit, CalendarChangeList list, CancellationToken ct) =>
        TypedResults.Ok(await list.RecordsAsync(id, after, limit, ct));
}
