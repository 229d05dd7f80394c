using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Calendar;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// What an action needs. Every action carries the <c>revision</c> of the case the person saw; the other fields are
/// read by the actions that use them.
/// </summary>
public sealed record CaseActionRequest(
    int Revision,
    string? Opinion = null,
    string? Reason = null,
    IReadOnlyList<string>? Missing = null,
    IReadOnlyList<string>? Provided = null,
    string? ReferTo = null,
    string? Procedure = null,
    int? ExpectedWorkingDays = null,
    int? WorkingDays = null,
    DecisionOutcome? Outcome = null,
    string? ResultNumber = null,
    DeliveryMethod? Method = null,
    string? Reference = null);

public static class CasesModule
{
    public static IServiceCollection AddCasesModule(this IServiceCollection services) => services.AddScoped<HandleCase>();

    public static IEndpointRouteBuilder MapCasesModule(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization(Policies.CaseWork);
        api.MapPost("/", Register).WithSummary("Register an application handed in at a window (收件)")
            .WithDescription("The applicant's ID number (GB 11643) or credit code (GB 32100) is checked. The case is received; the five-working-day period for a correction notice starts.");
        api.MapGet("/{number}", Get).WithSummary("A case with both clocks, its nodes and its verified event chain");
        Act(api, "accept", "Accept (受理): the legal clock starts", (c, s, r, now, cal) => c.Accept(s.As(StaffRoles.WindowClerk), now, cal, r.Opinion));
        Act(api, "correction", "One-time correction notice (一次性告知); a second one needs `reason`", (c, s, r, now, _) => c.RequestCorrection(r.Missing ?? [], r.Reason, s.As(StaffRoles.WindowClerk), now));
        Act(api, "supplement", "The missing materials came in: received again", (c, s, r, now, cal) => c.Supplement(r.Provided ?? [], s.As(StaffRoles.WindowClerk), now, cal));
        Act(api, "reject", "Refuse at intake (不予受理) with `reason` and `referTo`", (c, s, r, now, _) => c.RejectAtIntake(r.Reason ?? "", r.ReferTo, s.As(StaffRoles.WindowClerk), now));
        Act(api, "complete-node", "Complete the current node with an `opinion`", (c, s, r, now, cal) => c.CompleteCurrentNode(s.As(c.CurrentNode?.ActingRole), r.Opinion ?? "", now, cal));
        Act(api, "return-node", "Send the case back to the previous node with a `reason`", (c, s, r, now, cal) => c.ReturnToPreviousNode(s.As(c.CurrentNode?.ActingRole), r.Reason ?? "", now, cal));
        Act(api, "suspend", "Start a special procedure (`procedure`, `expectedWorkingDays`, `reason`): the clock stops", (c, s, r, now, cal) => c.Suspend(r.Procedure ?? "", r.ExpectedWorkingDays ?? 0, r.Reason ?? "", s.As(c.CurrentNode?.ActingRole), now, cal));
        Act(api, "pause-for-correction", "Ask for materials during review (`missing`, `expectedWorkingDays`): the clock stops", (c, s, r, now, cal) => c.PauseForCorrection(r.Missing ?? [], r.ExpectedWorkingDays ?? 0, s.As(c.CurrentNode?.ActingRole), now, cal));
        Act(api, "resume", "End the special procedure or correction (`opinion` = its result): the clock runs again", (c, s, r, now, cal) => c.Resume(r.Opinion ?? "", s.As(c.CurrentNode?.ActingRole), now, cal));
        Act(api, "extend", "Extend the statutory limit once (`workingDays`, `reason`), by an approver", (c, s, r, now, cal) => c.Extend(r.WorkingDays ?? Case.DefaultExtensionDays, r.Reason ?? "", s.As(StaffRoles.Approver), now, cal));
        Act(api, "decide", "Decide (`outcome` Grant or Deny; `reason` required for Deny)", (c, s, r, now, cal) => c.Decide(r.Outcome ?? DecisionOutcome.Grant, r.Reason, s.As(c.CurrentNode?.ActingRole), now, cal));
        Act(api, "issue", "Issue the result with its `resultNumber`", (c, s, r, now, cal) => c.IssueResult(r.ResultNumber ?? "", s.As(StaffRoles.WindowClerk), now, cal));
        Act(api, "deliver", "Deliver (`method`, `reference` = tracking number for mail) and conclude", (c, s, r, now, _) => c.Deliver(r.Method ?? DeliveryMethod.WindowPickup, r.Reference, s.As(StaffRoles.WindowClerk), now));
        Act(api, "conclude-instantly", "An instant item accepted, granted, issued and handed over at once (`resultNumber`)", (c, s, r, now, cal) => c.ConcludeInstantly(r.ResultNumber ?? "", s.As(StaffRoles.WindowClerk), now, cal));
        Act(api, "withdraw", "The applicant withdraws (`reason`)", (c, s, r, now, _) => c.Withdraw(r.Reason ?? "", s.As(), now));
        Act(api, "terminate", "Terminate for a legal `reason`", (c, s, r, now, _) => c.Terminate(r.Reason ?? "", s.As(StaffRoles.Approver), now));
        return app;
    }

    private static void Act(RouteGroupBuilder api, string action, string summary, Action<Case, CaseStaff, CaseActionRequest, DateTime, Domain.Calendar.WorkingDayCalendar> run) =>
        api.MapPost("/{number}/" + action, async (string number, CaseActionRequest request, HttpContext http, HandleCase handle, OneWindowDbContext db, RegionCalendars calendars, TimeProvider clock, CancellationToken ct) =>
        {
            var c = await handle.ActAsync(http.User, number, request.Revision, (c, staff, now, calendar) => run(c, staff, request, now, calendar), ct);
            return TypedResults.Ok(await CaseView.BuildAsync(db, calendars, c, clock.GetUtcNow().UtcDateTime, ct));
        }).WithSummary(summary).WithName("Case_" + action);

    private static async Task<Created<CaseView>> Register(RegisterApplication request, HttpContext http, HandleCase handle, OneWindowDbContext db, RegionCalendars calendars, TimeProvider clock, CancellationToken ct)
    {
        var c = await handle.RegisterAsync(http.User, request, ct);
        return TypedResults.Created($"/api/v1/cases/{c.Number}", await CaseView.BuildAsync(db, calendars, c, clock.GetUtcNow().UtcDateTime, ct));
    }

    private static async Task<Ok<CaseView>> Get(string number, HttpContext http, HandleCase handle, OneWindowDbContext db, RegionCalendars calendars, TimeProvider clock, CancellationToken ct)
    {
        var c = await handle.LoadForAsync(http.User, number, ct);
        return TypedResults.Ok(await CaseView.BuildAsync(db, calendars, c, clock.GetUtcNow().UtcDateTime, ct));
    }
}
