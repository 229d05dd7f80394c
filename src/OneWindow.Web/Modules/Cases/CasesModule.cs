using OneWindow.Web.Modules.Audit;
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
/// <summary>A colleague a case is handed over to: their account, name and roles.</summary>
public sealed record HandOverTarget(string Id, string Name, IReadOnlyList<string> Roles);
/// <summary>Why the full personal data is looked at: recorded in the audit entry.</summary>
public sealed record RevealRequest(string Reason);

/// <summary>The applicant of a case unmasked, for staff who handle it.</summary>
public sealed record ApplicantInFull(string Number, ApplicantKind Kind, string Name, string IdentityNumber, string Phone);

public static class CasesModule
{
    public static IServiceCollection AddCases(this IServiceCollection services) =>
        services.AuthorizePages("/Cases/Workbench", Policies.CaseWork).PublicPages("/Cases/Public")
            .AddScoped<ReceiveApplication>().AddScoped<IntakeItems>().AddScoped<ActOnCase>().AddScoped<CalendarCatchUp>().AddScoped<TellMovedApplicants>().AddScoped<OpenCase>().AddScoped<CaseTemplates>().AddScoped<CaseApplicationForm>().AddScoped<CaseHooks>().AddScoped<CaseSections>()
            .AddSingleton<PublishedTemplates>()
            .AddScoped<CaseFiles>().AddScoped<VerifyResult>()
            // Cases are a kind of sealed record: the start-up check and verify-chains reach them through the seam (ADR 0017).
            .AddScoped<ISealedRecordKind, CaseRecords>()
            .AddSingleton<OneWindow.Web.Modules.Cases.TrackingGuard>()
            .AddSingleton<IntakeSweep>()
            .AddHostedService(sp => sp.GetRequiredService<IntakeSweep>())
            // Cases take part in the recount of a calendar change (ADR 0014).
            .AddScoped<Calendar.Changes.IDueDateRecords, CaseDueDates>();

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        CaseFiles.Map(app);
        var api = app.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization(Policies.CaseWork);
        api.MapPost("/", Register).WithSummary("Register an application handed in at a window (收件)")
            .WithDescription("The applicant's ID number (GB 11643) or credit code (GB 32100) is checked. The case is received; the five-working-day period for a correction notice starts.");
        api.MapGet("/{number}", Get).WithSummary("A case with both clocks, its nodes and its verified event chain");
        api.MapGet("/{number}/hand-over-candidates", HandOverTo).WithSummary("The colleagues this case may be handed over to now (they may act at its node, in its scope)");
        api.MapPost("/{number}/applicant", FullApplicant).WithSummary("The applicant's full ID number and phone (elsewhere masked), with the `reason` for looking; every call is audited")
            .WithDescription("A POST, so that a link cannot make anyone look someone up; the answer is not cached (`Cache-Control: no-store`).");
        app.MapGet("/api/v1/verify", Verify).WithTags("Cases").AllowAnonymous().RequireRateLimiting(RateLimits.Public)
            .WithSummary("Verify a certificate or decision (证照核验) by its `result` number, with the case `number` when one result number names several")
            .WithDescription("Open to anyone, limited per address. 404 `verify.not-found` when nothing issued matches; 409 `verify.ambiguous` when the case number is needed. Shows the item, the issuing department, the date and the holder (a person's name masked), nothing else.");
        foreach (var action in CaseActions.All)
        {
            action.Map(api, Act).WithSummary(action.Summary).WithName("Case_" + action.Name);
        }
        return app;
    }

    private static async Task<IResult> Verify(string? result, string? number, VerifyResult verify, CancellationToken ct)
    {
        var outcome = await verify.RunAsync(result, number, ct);
        return outcome switch
        {
            { Result: { } found } => TypedResults.Ok(found),
            { Ambiguous: true } => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "该编号对应多份文书，请同时填写办件编号。",
                extensions: new Dictionary<string, object?> { ["code"] = "verify.ambiguous" }),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未查到与该编号相符的证照或决定书。",
                extensions: new Dictionary<string, object?> { ["code"] = "verify.not-found" }),
        };
    }

    private static async Task<Ok<CaseView>> Act(string number, CaseAction action, ICaseActionRequest request, HttpContext http, CancellationToken ct)
    {
        var services = http.RequestServices;
        var acted = await services.GetRequiredService<ActOnCase>().ActAsync(http.User, number, action, request, ct);
        var view = await CaseView.BuildAsync(services.GetRequiredService<OneWindowDbContext>(), services.GetRequiredService<RegionCalendars>(),
            services.GetRequiredService<RecordKeyStore>().Ring, acted.Case, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
        return TypedResults.Ok(view with { AvailableActions = acted.AvailableActions });
    }

    private static async Task<Created<CaseView>> Register(RegisterApplication request, HttpContext http, ReceiveApplication receive, OneWindowDbContext db, RegionCalendars calendars, RecordKeyStore recordKeys, TimeProvider clock, CancellationToken ct)
    {
        var (c, departmentName) = await receive.RunAsync(http.User, request, ct);
        return TypedResults.Created($"/api/v1/cases/{c.Number}", await CaseView.BuildAsync(db, calendars, recordKeys.Ring, c, clock.GetUtcNow().UtcDateTime, departmentName, ct));
    }

    private static async Task<Ok<IReadOnlyList<HandOverCandidate>>> HandOverTo(string number, HttpContext http, OpenCase open, OneWindowDbContext db, CancellationToken ct)
    {
        var (c, staff) = await open.LoadWithStaffAsync(http.User, number, ct);
        return TypedResults.Ok(await HandOverCandidates.ForAsync(db, c, staff.User.Id, ct));
    }

    private static async Task<Ok<ApplicantInFull>> FullApplicant(string number, RevealRequest request, HttpContext http, OpenCase open, OneWindowDbContext db, WriteUnit unit, TimeProvider clock, CancellationToken ct)
    {
        var c = await open.LoadForAsync(http.User, number, ct);
        await PersonalData.RecordViewAsync(db, unit, clock.GetUtcNow().UtcDateTime, http.User, "Case", c.Number, ["identityNumber", "phone"], request.Reason, ct);
        PersonalData.NoStore(http.Response);
        return TypedResults.Ok(new ApplicantInFull(c.Number, c.Applicant.Kind, c.Applicant.Name, c.Applicant.IdentityNumber, c.Applicant.Phone));
    }

    private static async Task<Ok<CaseView>> Get(string number, HttpContext http, OpenCase open, OneWindowDbContext db, RegionCalendars calendars, RecordKeyStore recordKeys, TimeProvider clock, CancellationToken ct)
    {
        var opened = await open.LoadWithStaffAsync(http.User, number, ct);
        return TypedResults.Ok(await CaseView.BuildAsync(db, calendars, recordKeys.Ring, opened.Case, clock.GetUtcNow().UtcDateTime, ct) with { AvailableActions = opened.AvailableActions });
    }
}
