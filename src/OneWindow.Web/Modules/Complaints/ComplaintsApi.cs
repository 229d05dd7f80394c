using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Audit;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Complaints;

/// <summary>
/// A complaint as filed from outside: about a case (<c>caseNumber</c>, whose department it concerns), a window or a
/// person (<c>target</c>) or otherwise; named (<c>name</c>, <c>phone</c>) or <c>anonymous</c>.
/// </summary>
public sealed record ComplaintRequest(ComplaintAbout About, string Content, bool Anonymous = false, string? CaseNumber = null, string? Target = null,
    Guid? DepartmentId = null, string? Name = null, string? Phone = null);

/// <summary>What the complainant sees with the tracking code: the state, the date to accept by and the answer; nothing about anyone.</summary>
public sealed record ComplaintTracking(string TrackingCode, DateTime FiledAt, ComplaintStatus Status, DateOnly AcceptDueDate, string? Reply);

/// <summary>A complaint in the supervisors' list; the complainant's name and phone masked.</summary>
public sealed record ComplaintSummary(Guid Id, string TrackingCode, ComplaintChannel Channel, ComplaintAbout About, string? CaseNumber, string? Target,
    Guid? DepartmentId, string? DepartmentName, DateTime FiledAt, DateOnly AcceptDueDate, bool AcceptOverdue, ComplaintStatus Status, bool? Upheld);

public sealed record ComplaintPage(IReadOnlyList<ComplaintSummary> Items, string? Next);

/// <summary>One complaint for the supervision center, the complainant masked (<c>POST …/complainant</c> shows them in full to a supervisor).</summary>
public sealed record ComplaintView(Guid Id, string TrackingCode, int Revision, ComplaintChannel Channel, ComplaintAbout About, string? CaseNumber, string? Target,
    Guid? DepartmentId, string? DepartmentName, string Content, bool Anonymous, string? ComplainantName, string? ComplainantPhone, DateTime FiledAt,
    DateOnly AcceptDueDate, bool AnsweredLate, ComplaintStatus Status, DateTime? AcceptedAt, string? RefusalReason, string? Findings, bool? Upheld,
    string? Reply, DateTime? ConcludedAt, string? HandledBy, IReadOnlyList<string> AvailableActions);

public sealed record ComplaintAcceptRequest(int Revision, Guid? DepartmentId = null);

public sealed record ComplaintRefuseRequest(int Revision, string Reason);

public sealed record ComplaintConcludeRequest(int Revision, bool Upheld, string Findings, string Reply);

/// <summary>
/// <c>/api/v1/complaints</c>: filing and following a complaint, open to anyone and limited per address like the
/// pages (<c>/complaints/new</c>, <c>/complaints/track</c>); reading complaints for the supervision center
/// (supervisors and leaders) and handling them (supervisors), through <see cref="HandleComplaints"/> as the pages do.
/// </summary>
public static class ComplaintsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/complaints").WithTags("Complaints");
        api.MapPost("/", File).AllowAnonymous().RequireRateLimiting(RateLimits.Public)
            .WithSummary("File an efficiency complaint (效能投诉), named or anonymous; the answer carries the tracking code")
            .WithDescription("Open to anyone, limited per address (`RateLimits:PublicPerMinute`). A complaint about a case names it (`caseNumber`; 400 `complaint.case-unknown` when it does not exist); a named complaint needs `name` and `phone`. 201 with the tracking code: it is the only way back to an anonymous complaint.");
        api.MapGet("/track/{code}", Track).AllowAnonymous().RequireRateLimiting(RateLimits.Public)
            .WithSummary("Follow a complaint by its tracking code: its state and the answer")
            .WithDescription("Open to anyone, limited per address. 404 for a code that names no complaint.");

        var center = api.MapGroup("").RequireAuthorization(Policies.Leadership);
        center.MapGet("/", List).WithSummary("Complaints for the supervision center, newest first, paged by key (`after`)")
            .WithDescription("`status` (Filed, Accepted, Refused, Concluded; all when absent). `acceptOverdue` marks a filed complaint past its five working days. 30 a page; pass `next` as `after`.");
        center.MapGet("/{id:guid}", Get).WithSummary("One complaint, the complainant masked, with `availableActions`");
        var handle = center.MapGroup("/{id:guid}").RequireAuthorization(Policies.Supervision);
        handle.MapPost("/" + ComplaintActions.Accept, (Guid id, ComplaintAcceptRequest r, HttpContext http, HandleComplaints complaints, OneWindowDbContext db, TimeProvider clock, CancellationToken ct) =>
                ActAsync(id, () => complaints.AcceptAsync(http.User, id, r.Revision, r.DepartmentId, ct), http, db, clock, ct))
            .WithSummary("Accept the complaint for investigation (受理), naming the department responsible (`departmentId`) if it was not known");
        handle.MapPost("/" + ComplaintActions.Refuse, (Guid id, ComplaintRefuseRequest r, HttpContext http, HandleComplaints complaints, OneWindowDbContext db, TimeProvider clock, CancellationToken ct) =>
                ActAsync(id, () => complaints.RefuseAsync(http.User, id, r.Revision, r.Reason, ct), http, db, clock, ct))
            .WithSummary("Refuse the complaint (不予受理) with the `reason` the complainant reads");
        handle.MapPost("/" + ComplaintActions.Conclude, (Guid id, ComplaintConcludeRequest r, HttpContext http, HandleComplaints complaints, OneWindowDbContext db, TimeProvider clock, CancellationToken ct) =>
                ActAsync(id, () => complaints.ConcludeAsync(http.User, id, r.Revision, r.Upheld, r.Findings, r.Reply, ct), http, db, clock, ct))
            .WithSummary("Conclude the accepted complaint: `findings` (kept inside), `upheld` (counts in the assessment) and the `reply` to the complainant");
        handle.MapPost("/complainant", Reveal)
            .WithSummary("A named complainant's full name and phone, with the `reason` for looking; every call is audited")
            .WithDescription("A POST, so that a link cannot make anyone look someone up; the answer is not cached (`Cache-Control: no-store`). 409 `complaint.no-contact` for an anonymous complaint.");
    }

    private static async Task<Created<ComplaintTracking>> File(ComplaintRequest r, HttpContext http, HandleComplaints complaints, CancellationToken ct)
    {
        var c = await complaints.FileAsync(http.User, new ComplaintForm(r.About, r.CaseNumber, r.Target, r.DepartmentId, r.Content, r.Anonymous, r.Name, r.Phone), ct);
        return TypedResults.Created($"/api/v1/complaints/track/{c.TrackingCode}", Tracking(c));
    }

    private static async Task<Ok<ComplaintTracking>> Track(string code, HandleComplaints complaints, CancellationToken ct) =>
        TypedResults.Ok(Tracking(await complaints.TrackAsync(code, ct) ?? throw new NotFoundException("没有找到该查询码对应的投诉。")));

    private static ComplaintTracking Tracking(EfficiencyComplaint c) => new(c.TrackingCode, c.FiledAt, c.Status, DueDate(c.AcceptDueAt), c.ReplyToComplainant);

    private static async Task<Ok<ComplaintPage>> List(ComplaintStatus? status, string? after, OneWindowDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (rows, next) = await ComplaintList.PageAsync(db, status, after, ct);
        var names = await CaseDepartments.NamesAsync(db, [.. rows.Where(r => r.DepartmentId is not null).Select(r => r.DepartmentId!.Value)], ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(new ComplaintPage([.. rows.Select(c => new ComplaintSummary(c.Id, c.TrackingCode, c.Channel, c.About, c.CaseNumber, c.Target,
            c.DepartmentId, c.DepartmentId is { } d ? names.GetValueOrDefault(d) : null, c.FiledAt, DueDate(c.AcceptDueAt),
            c.Status == ComplaintStatus.Filed && now >= c.AcceptDueAt, c.Status, c.Upheld))], next));
    }

    private static async Task<Ok<ComplaintView>> Get(Guid id, HttpContext http, OneWindowDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await ViewAsync(id, http, db, clock, ct));

    private static async Task<Ok<ComplaintView>> ActAsync(Guid id, Func<Task<EfficiencyComplaint>> act, HttpContext http, OneWindowDbContext db, TimeProvider clock, CancellationToken ct)
    {
        await act();
        return TypedResults.Ok(await ViewAsync(id, http, db, clock, ct));
    }

    private static async Task<Ok<ComplainantInFull>> Reveal(Guid id, Cases.RevealRequest request, HttpContext http, RevealComplainant reveal, CancellationToken ct)
    {
        var full = await reveal.RunAsync(http.User, id, request.Reason, ct);
        PersonalData.NoStore(http.Response);
        return TypedResults.Ok(full);
    }

    private static async Task<ComplaintView> ViewAsync(Guid id, HttpContext http, OneWindowDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var c = await ComplaintList.OneAsync(db, id, ct);
        var department = c.DepartmentId is { } d ? (await CaseDepartments.NamesAsync(db, [d], ct)).GetValueOrDefault(d) : null;
        return new ComplaintView(c.Id, c.TrackingCode, c.Revision, c.Channel, c.About, c.CaseNumber, c.Target, c.DepartmentId, department, c.Content, c.Anonymous,
            c.ComplainantName is { } name ? PersonalData.MaskName(name) : null, c.ComplainantPhone is { } phone ? PersonalData.MaskPhone(phone) : null,
            c.FiledAt, DueDate(c.AcceptDueAt), c.AnsweredLate(clock.GetUtcNow().UtcDateTime), c.Status, c.AcceptedAt, c.RefusalReason, c.Findings, c.Upheld,
            c.ReplyToComplainant, c.ConcludedAt, c.HandledBy, ComplaintActions.For(http.User, c));
    }

    /// <summary>The last day of a period ending at midnight Beijing time (the pages show the same date).</summary>
    private static DateOnly DueDate(DateTime endUtc) => Domain.Calendar.ChinaTime.DateOf(endUtc.AddTicks(-1));
}
