using OneWindow.Web.Modules.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Applicants;

/// <summary>A file in a JSON request: JSON rather than a form, so that a signed-in applicant's browser cannot be made to post it from another site.</summary>
public sealed record UploadRequest(string Material, string FileName, string ContentBase64);

public sealed record MyApplicationRequest(
    int Revision = 0,
    string? ItemCode = null,
    ApplicantKind ApplicantKind = ApplicantKind.Person,
    string? EnterpriseName = null,
    string? CreditCode = null,
    string? Phone = null,
    IReadOnlyList<UploadRequest>? Files = null,
    string? Reason = null,
    DeliveryMethod? Delivery = null,
    string? DeliveryAddress = null,
    IReadOnlyDictionary<string, string?>? Form = null);

/// <summary>A file of a draft taken out (<c>remove</c>) or replaced by another (<c>replace</c>, with the new file's name and content).</summary>
public sealed record MyFileRequest(int Revision = 0, string? FileName = null, string? ContentBase64 = null);

public sealed record MyStep(DateTime At, string Action, string? Opinion);

/// <summary>An applicant's own case as the applicant API shows it.</summary>
public sealed record MyCaseView(Guid Id, string? Number, int Revision, string ItemCode, string ItemName, CaseStatus Status, string Awaited,
    DateOnly? PromisedDueDate, IReadOnlyList<string> MissingMaterials, string? PreReviewNote, DecisionOutcome? Decision, string? DecisionReason,
    string? ResultNumber, IReadOnlyList<JointPartView> Parts, IReadOnlyList<CaseFileView> Files, IReadOnlyList<MyStep> Steps,
    DeliveryMethod? DeliveryRequested, string? DeliveryAddress, IReadOnlyList<MyNotice> Notices)
{
    /// <summary>The answers to the application form by field key (一表通).</summary>
    public IReadOnlyDictionary<string, string> Form { get; init; } = new Dictionary<string, string>();
}

/// <summary><c>/api/v1/my/cases</c>: the online application for applicants, the same steps as the pages under <c>/my</c>.</summary>
public static class ApplicantsModule
{
    public static IServiceCollection AddApplicants(this IServiceCollection services) =>
        services.AddScoped<ApplyOnline>().AddScoped<UploadQuota>()
            // Applicants hear of each step of their cases by SMS, through the outbox, in the unit that records it.
            .AddScoped<ICaseHook, TellApplicantsOfSteps>()
            .AuthorizePages("/Applicants/My", Policies.Applicant);

    public static IEndpointRouteBuilder MapApplicants(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/my/cases").WithTags("My applications").RequireAuthorization(Policies.Applicant);
        api.MapGet("/", List).WithSummary("The signed-in applicant's cases, online and at a window, newest first (keyset `after`)");
        api.MapGet("/{id:guid}", Get).WithSummary("One of the applicant's cases: status, what is awaited, parts, files, steps, delivery, and the notices issued so far")
            .WithDescription("`notices` lists the written notices and decisions issued so far (受理通知书, 补正告知书, 不予受理决定书, 决定书 …, a joint case's with each part's decision), each with the `url` of its printable page.");
        api.MapPost("/", Start).WithSummary("Start a draft for a published item or combined item (`itemCode`), with files")
            .WithDescription("Files are JSON objects `{material, fileName, contentBase64}`: PDF, Word, Excel, OFD or images by content, 10 MB each. "
                + "`form` holds the answers to the application form by field key (一表通: the guide's `form`, a package's merged); a draft may leave required fields empty, and every answer given must be valid (400 `case.form-invalid` with each field under `errors[\"form.{key}\"]`). "
                + "`delivery` (`WindowPickup`, `Mail` with `deliveryAddress`, `Electronic`) is how the result should reach the applicant, among those the guide offers. "
                + "A file that fails its check is not kept and the rest is: the answer is then 400 with the code of the first refused file (`file.too-large` …), "
                + "the draft's `id` and `revision`, and `refused` listing each file not kept.");
        api.MapPost("/{id:guid}/save", (Guid id, MyApplicationRequest r, HttpContext http, ApplyOnline apply, OneWindowDbContext db, RegionCalendars calendars, TimeProvider clock, CancellationToken ct) =>
            RunOnline(db, calendars, clock, () => apply.SaveAsync(http.User, id, r.Revision, ToApplication(r), ct), ct))
            .WithSummary("Save the draft (or the returned submission); files refused as at the start (400, the rest saved)");
        api.MapPost("/{id:guid}/submit", (Guid id, MyApplicationRequest r, HttpContext http, ApplyOnline apply, OneWindowDbContext db, RegionCalendars calendars, TimeProvider clock, CancellationToken ct) =>
            RunOnline(db, calendars, clock, () => apply.SubmitAsync(http.User, id, r.Revision, ToApplication(r), ct), ct))
            .WithSummary("Submit: every required material needs a file, every required field of the application form an answer, mail needs an address; the case gets its number (a refused file stops it after the save)");
        api.MapPost("/{id:guid}/files/{fileId:guid}/remove", (Guid id, Guid fileId, MyFileRequest r, HttpContext http, ApplyOnline apply, OneWindowDbContext db, RegionCalendars calendars, TimeProvider clock, CancellationToken ct) =>
            Run(db, calendars, clock, () => apply.RemoveFileAsync(http.User, id, r.Revision, fileId, ct), ct)).WithSummary("Take a file out of the draft before submitting");
        api.MapPost("/{id:guid}/files/{fileId:guid}/replace", (Guid id, Guid fileId, MyFileRequest r, HttpContext http, ApplyOnline apply, OneWindowDbContext db, RegionCalendars calendars, TimeProvider clock, CancellationToken ct) =>
            Run(db, calendars, clock, () => apply.ReplaceFileAsync(http.User, id, r.Revision, fileId, Uploads([new UploadRequest("", r.FileName ?? "", r.ContentBase64 ?? "")])[0], ct), ct))
            .WithSummary("Replace a file of the draft by another (`fileName`, `contentBase64`) for the same material");
        api.MapPost("/{id:guid}/supplement", (Guid id, MyApplicationRequest r, HttpContext http, ApplyOnline apply, OneWindowDbContext db, RegionCalendars calendars, TimeProvider clock, CancellationToken ct) =>
            Run(db, calendars, clock, () => apply.SupplementAsync(http.User, id, r.Revision, Uploads(r.Files), ct), ct)).WithSummary("Answer a one-time correction notice with the missing files");
        api.MapPost("/{id:guid}/withdraw", (Guid id, MyApplicationRequest r, HttpContext http, ApplyOnline apply, OneWindowDbContext db, RegionCalendars calendars, TimeProvider clock, CancellationToken ct) =>
            Run(db, calendars, clock, () => apply.WithdrawAsync(http.User, id, r.Revision, r.Reason ?? "", ct), ct)).WithSummary("Withdraw the application, or discard the draft (`reason`)");
        return app;
    }

    private static async Task<Ok<MyPage>> List(string? after, HttpContext http, OneWindowDbContext db, UserManager<UserAccount> users, CancellationToken ct)
    {
        var user = await ApplicantAccounts.LoadAsync(http.User, users);
        var (rows, next) = await ApplicantAccess.PageAsync(db, user, after, ct);
        return TypedResults.Ok(new MyPage(rows, next));
    }

    public sealed record MyPage(IReadOnlyList<MyCaseRow> Items, string? Next);

    private static async Task<Ok<MyCaseView>> Get(Guid id, HttpContext http, OneWindowDbContext db, UserManager<UserAccount> users, RegionCalendars calendars, TimeProvider clock, CancellationToken ct)
    {
        var user = await ApplicantAccounts.LoadAsync(http.User, users);
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !CaseOwnership.MaySee(user, c))
        {
            throw new NotFoundException("申请不存在。");
        }
        return TypedResults.Ok(await ViewAsync(db, calendars, clock, c, ct));
    }

    private static async Task<Results<Created<MyCaseView>, ProblemHttpResult>> Start(MyApplicationRequest r, HttpContext http, ApplyOnline apply, OneWindowDbContext db, RegionCalendars calendars, TimeProvider clock, CancellationToken ct)
    {
        var started = await apply.StartAsync(http.User, r.ItemCode ?? "", ToApplication(r), ct);
        if (started.Refused.Count > 0)
        {
            return Refused(started);
        }
        return TypedResults.Created($"/api/v1/my/cases/{started.Case.Id}", await ViewAsync(db, calendars, clock, started.Case, ct));
    }

    private static async Task<Results<Ok<MyCaseView>, ProblemHttpResult>> RunOnline(OneWindowDbContext db, RegionCalendars calendars, TimeProvider clock, Func<Task<OnlineResult>> step, CancellationToken ct)
    {
        var result = await step();
        if (result.Refused.Count > 0)
        {
            return Refused(result);
        }
        return TypedResults.Ok(await ViewAsync(db, calendars, clock, result.Case, ct));
    }

    /// <summary>Files of a save not kept: 400 with the first one's stable code, what was saved (the case's id and revision) and each refused file.</summary>
    private static ProblemHttpResult Refused(OnlineResult result) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: RefusedFile.Summary(result.Refused),
            extensions: new Dictionary<string, object?>
            {
                ["code"] = result.Refused[0].Code,
                ["id"] = result.Case.Id,
                ["revision"] = result.Case.Revision,
                ["refused"] = result.Refused.Select(f => new { material = f.Material, fileName = f.FileName, code = f.Code, message = f.Message }).ToList(),
            });

    private static async Task<Ok<MyCaseView>> Run(OneWindowDbContext db, RegionCalendars calendars, TimeProvider clock, Func<Task<Case>> step, CancellationToken ct)
    {
        var c = await step();
        return TypedResults.Ok(await ViewAsync(db, calendars, clock, c, ct));
    }

    private static OnlineApplication ToApplication(MyApplicationRequest r) =>
        new(r.ApplicantKind, r.EnterpriseName, r.CreditCode, r.Phone ?? "", Uploads(r.Files), r.Delivery is { } method ? DeliveryChoice.Of(method, r.DeliveryAddress) : null) { Answers = r.Form };

    private static IReadOnlyList<Upload> Uploads(IReadOnlyList<UploadRequest>? files) =>
        [.. (files ?? []).Select(f =>
        {
            var content = new byte[(f.ContentBase64?.Length ?? 0) * 3 / 4 + 3];
            if (f.ContentBase64 is null || !Convert.TryFromBase64String(f.ContentBase64, content, out var length))
            {
                throw new DomainRuleException("file.base64", $"“{f.FileName}”的内容不是有效的 Base64。", "files");
            }
            return new Upload(f.Material ?? "", f.FileName ?? "", content[..length]);
        })];

    private static async Task<MyCaseView> ViewAsync(OneWindowDbContext db, RegionCalendars calendars, TimeProvider clock, Case c, CancellationToken ct)
    {
        var calendar = await calendars.ForRegionAsync(c.RegionCode);
        var departments = await CaseDepartments.NamesAsync(db, c, ct);
        var files = await CaseFiles.ListAsync(db, c.Id, ct);
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Sequence).Take(500)
            .Select(e => new { e.At, e.Action, e.Opinion }).ToListAsync(ct);
        var steps = events.Select(e => new MyStep(e.At, e.Action, CaseText.OpinionIsForApplicant(e.Action) ? e.Opinion : null)).ToList();
        return new MyCaseView(c.Id, c.IsDraftNumber ? null : c.Number, c.Revision, c.ItemCode, c.ItemName, c.Status, CaseText.Awaited(c.Status),
            c.ReadPromised(clock.GetUtcNow().UtcDateTime, calendar).DueDate, c.MissingMaterials, c.PreReviewNote, c.Decision.Outcome, c.Decision.Reason,
            c.Status is CaseStatus.ResultIssued or CaseStatus.Concluded ? c.Decision.ResultNumber : null,
            CaseDepartments.Parts(c, departments),
            [.. files.Select(f => new CaseFileView(f.Id, f.MaterialName, f.FileName, f.Length, f.UploadedAt, f.UploadedBy))], steps,
            c.Delivery.Requested, c.Delivery.Address, MyNotices.Of(c, events.Select(e => e.Action))) { Form = c.FormAnswers };
    }
}
