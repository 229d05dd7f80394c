using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Calendar.Changes;

namespace OneWindow.Web.Modules.Calendar;

/// <summary>
/// A case worker's slice of the calendar changes, the twin of <c>/workbench/calendar-changes</c>: the records of their
/// department (or, at a comprehensive window, of their venue) whose due dates a change moved, with links to open them.
/// </summary>
public static class CalendarWorkbenchApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1/calendar/workbench").RequireAuthorization(Policies.CaseWork).WithTags("Calendar administration");
        staff.MapGet("/changes", Changes)
            .WithSummary("The calendar changes that moved due dates of your department's records (a comprehensive window: your venue's), newest first, with how many");
        staff.MapGet("/changes/{id:guid}/records", Records)
            .WithSummary("Your department's records a change moved, with each due date before and after, how the applicant was told, and the link to the case")
            .WithDescription("Paged by key: pass a page's `next` as `after`; `limit` 1–200 (default 100). Phones are masked; the case's page shows the number to those who handle it.");
    }

    private static async Task<Ok<IReadOnlyList<StaffChangeView>>> Changes(HttpContext http, IStaffPlaces places, CalendarChangeList list, CancellationToken ct) =>
        TypedResults.Ok(await list.ListForStaffAsync(await places.OfAsync(http.User, ct), ct));

    private static async Task<Ok<ChangedRecordPage>> Records(Guid id, long? after, int? limit, HttpContext http, IStaffPlaces places, CalendarChangeList list, CancellationToken ct) =>
        TypedResults.Ok(await list.RecordsForStaffAsync(id, await places.OfAsync(http.User, ct), after, limit, ct));
}
