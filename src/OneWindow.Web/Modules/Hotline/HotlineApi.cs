using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;

namespace OneWindow.Web.Modules.Hotline;

public sealed record AnswerRequest(int Revision, string? Answer, Guid? KnowledgeEntryId = null);
public sealed record ReferRequest(int Revision, EmergencyService Service, string? Note = null);
public sealed record RefuseRequest(int Revision, RefusalGround Ground, string? Reason, string? RightChannel = null);
public sealed record MergeRequest(int Revision, string? MasterNumber);
public sealed record DispatchRequest(int Revision, Guid LeadUnitId, Guid[]? CoHandlerIds = null, string? Note = null);
public sealed record RuleRequest(int Revision, ReturnRuling Ruling, Guid LeadUnitId, string? Note, Guid[]? CoHandlerIds = null);
public sealed record RevisionRequest(int Revision);
public sealed record ReasonRequest(int Revision, string? Reason);
public sealed record NoteRequest(int Revision, string? Note);
public sealed record ContactRequest(int Revision, bool Reached, string? Note);
public sealed record ContributeRequest(int Revision, string? Contribution, WorkOrderFileRequest[]? Files = null);
public sealed record ExtendRequest(int Revision, int WorkingDays, string? Reason);
public sealed record DecideExtensionRequest(int Revision, bool Approve, int? WorkingDays = null, string? Note = null);
public sealed record ReplyRequest(int Revision, ReplyResult Result, string? Text, string? Plan = null, WorkOrderFileRequest[]? Files = null);
public sealed record AddFilesRequest(int Revision, WorkOrderFileRequest[]? Files);
public sealed record ReviewRequest(int Revision, bool Accept, string? Reason = null);
public sealed record CallbackRequest(int Revision, CallbackMethod Method, bool Resolved, Satisfaction Satisfaction, string? Note = null, bool? PublicationConsent = null);
public sealed record CallerHistoryRequest(string? Phone);
public sealed record PublicTrackRequest(string? Number, string? PhoneTail);
public sealed record PublicRateRequest(string? Number, string? PhoneTail, bool Resolved, Satisfaction Satisfaction, string? Comment = null);
public sealed record PublicOrderCreated(string Number);
public sealed record CategoryView(string Code, string Name, string? ParentCode, Guid? DefaultUnitId, string? DefaultUnitName, int? HandlingWorkingDays);

/// <summary>
/// <c>/api/v1/hotline</c>: the work-order loop, the twin of the hotline pages. Staff act through the same use cases as
/// the pages: the center (hotline operators) registers, chooses, dispatches, rules, reviews, calls back, reopens and
/// closes; a unit's staff (its window clerks, reviewers, approvers) sign, object, handle and reply for their department.
/// Every action names the <c>revision</c> it was taken on: a stale one is 409 <c>concurrency.conflict</c>; a broken rule
/// of the order's state is 409 with its code; bad input is 400 naming the field; an action another party takes is 403.
/// The public registers ("我要反映"), follows and rates an order with its number and the phone's last four digits.
/// </summary>
public static class HotlineApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/hotline").WithTags("Hotline");
        api.MapGet("/categories", Categories).AllowAnonymous().RequireRateLimiting(RateLimits.Public)
            .WithSummary("The category tree (诉求分类) with each category's default unit and statutory limit, if any");

        var pub = api.MapGroup("/public").AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        pub.MapPost("/orders", Submit).WithSummary("我要反映: register an order from the public (anonymous allowed); 201 with its number")
            .WithDescription("Channel `Web`, ordinary urgency. Without `anonymous` a `callerPhone` is required; a phone gets the number by SMS. "
                + "Up to 5 `files` `{fileName, contentBase64}` (PDF, Word, Excel, OFD or images by content, 10 MB each): a refused file registers nothing (413 `hotline.file-too-large`, 415 `hotline.file-type`).");
        pub.MapPost("/track", Track).WithSummary("Follow an order by its `number` and the last four digits of the caller's phone (`phoneTail`); no personal data")
            .WithDescription("404 for an unknown number or a wrong pair alike; 409 `hotline.tracking-locked` after repeated wrong tries.");
        pub.MapPost("/rate", Rate).WithSummary("Rate an order online while its callback is due: `resolved` and `satisfaction` (Satisfied, FairlySatisfied, Unsatisfied)");

        // The supervision center's view of the queues and the overdue (ADR 0028): read-only, for the center's leaders and supervisors too.
        api.MapGet("/oversight/{queue}", Oversight).RequireAuthorization(HotlineModule.OversightPolicy)
            .WithSummary("A center queue or the overdue (SignOverdue, ReplyOverdue, CallbackOverdue) for the supervision center; paged by key (`after`)");
        var staff = api.MapGroup("").RequireAuthorization(Policies.HotlineWork);
        staff.MapGet("/units", async (OneWindowDbContext db, CancellationToken ct) => TypedResults.Ok(await HotlineUnits.AllAsync(db, ct)))
            .WithSummary("The units orders are dispatched to: departments, town governments, public-service companies");
        staff.MapPost("/orders", Register).RequireAuthorization(Policies.Hotline).WithSummary("Register an order (受理登记) taken by phone, letter, e-mail or another system; 201 with the order")
            .WithDescription("Hotline operators only (403 `hotline.center-only`). The number is `RX{county}-{yyyyMMdd}-{sequence}`, gap-free per day. "
                + "Up to 5 `files` `{fileName, contentBase64, kind}` (kind LetterScan by default for a letter or e-mail, else CallerFile); a refused file registers nothing.");
        staff.MapGet("/orders/{id:guid}", Get).WithSummary("One order as the viewer may see it (a confidential caller hidden from units), with `availableActions` and its history");
        staff.MapGet("/queues/{queue}", Queue).RequireAuthorization(Policies.Hotline).WithSummary("A center queue: Registered, Objections, Extensions, Review, Callback, Unsatisfied, Handling; paged by key (`after`)");
        staff.MapGet("/inbox", Inbox).RequireAuthorization(Policies.CaseWork).WithSummary("The signed-in unit's inbox: orders to sign for, objected to and in handling, nearest limit first; paged by key (`after`)");
        staff.MapPost("/caller-history", History).RequireAuthorization(Policies.Hotline).WithSummary("The earlier orders of a caller's phone number, newest first (a POST: the number stays out of logs and links)");

        var orders = staff.MapGroup("/orders/{id:guid}");
        Act<AnswerRequest>(orders, WorkOrderActions.Answer, (s, u, id, r, ct) => s.GetRequiredService<AnswerWorkOrder>().RunAsync(u, id, r.Revision, r.Answer, ct, r.KnowledgeEntryId),
            "直接办结: answer on the spot and end the order (center); `knowledgeEntryId` when the answer came from the knowledge base (its use is counted)");
        Act<ReferRequest>(orders, WorkOrderActions.Refer, (s, u, id, r, ct) => s.GetRequiredService<ReferWorkOrder>().RunAsync(u, id, r.Revision, r.Service, r.Note, ct),
            "转警: refer an emergency to `service` Police (110), Fire (119), Ambulance (120) or Traffic (122) (center)");
        Act<RefuseRequest>(orders, WorkOrderActions.Refuse, (s, u, id, r, ct) => s.GetRequiredService<RefuseWorkOrder>().RunAsync(u, id, r.Revision, r.Ground, r.Reason, r.RightChannel, ct),
            "不予受理 on a statutory `ground` with the `reason`; OtherProcedure and PetitionProcedure also need the `rightChannel` (center)");
        Act<MergeRequest>(orders, WorkOrderActions.Merge, (s, u, id, r, ct) => s.GetRequiredService<MergeWorkOrder>().RunAsync(u, id, r.Revision, r.MasterNumber, ct),
            "重复件: merge into the open order `masterNumber` (center)");
        Act<DispatchRequest>(orders, WorkOrderActions.Dispatch, (s, u, id, r, ct) => s.GetRequiredService<DispatchWorkOrder>().RunAsync(u, id, r.Revision, r.LeadUnitId, r.CoHandlerIds, r.Note, ct),
            "派单 to `leadUnitId` with optional `coHandlerIds`; the limits start now (center)");
        Act<RevisionRequest>(orders, WorkOrderActions.Sign, (s, u, id, r, ct) => s.GetRequiredService<SignWorkOrder>().RunAsync(u, id, r.Revision, ct),
            "签收 (lead unit)");
        Act<ReasonRequest>(orders, WorkOrderActions.Return, (s, u, id, r, ct) => s.GetRequiredService<ReturnWorkOrder>().RunAsync(u, id, r.Revision, r.Reason, ct),
            "退单 / 派单异议 with the `reason` (lead unit; 409 `hotline.assigned-by-ruling` once assigned by ruling)");
        Act<RuleRequest>(orders, WorkOrderActions.Rule, (s, u, id, r, ct) => s.GetRequiredService<RuleOnReturn>().RunAsync(u, id, r.Revision, r.Ruling, r.LeadUnitId, r.CoHandlerIds, r.Note, ct),
            "Rule on an objection: `ruling` Redispatch (another unit) or AssignByRuling (may not return again), with the `note` (center)");
        Act<ContactRequest>(orders, WorkOrderActions.Contact, (s, u, id, r, ct) => s.GetRequiredService<ContactCaller>().RunAsync(u, id, r.Revision, r.Reached, r.Note, ct),
            "Record a contact with the caller (lead unit)");
        Act<NoteRequest>(orders, WorkOrderActions.Progress, (s, u, id, r, ct) => s.GetRequiredService<AddProgress>().RunAsync(u, id, r.Revision, r.Note, ct),
            "Record the progress (lead unit)");
        Act<ContributeRequest>(orders, WorkOrderActions.Contribute, (s, u, id, r, ct) => s.GetRequiredService<ContributeToWorkOrder>().RunAsync(u, id, r.Revision, r.Contribution, ct,
            WorkOrderFiles.FromApi(r.Files, WorkOrderFileKind.ContributionFile)),
            "A co-handler's contribution to the lead unit (co-handler), with up to 5 `files` (`ContributionFile`)");
        Act<ExtendRequest>(orders, WorkOrderActions.Extend, (s, u, id, r, ct) => s.GetRequiredService<RequestExtension>().RunAsync(u, id, r.Revision, r.WorkingDays, r.Reason, ct),
            "延期申请: 1–30 `workingDays` with the `reason` (lead unit)");
        Act<DecideExtensionRequest>(orders, WorkOrderActions.DecideExtension, (s, u, id, r, ct) => s.GetRequiredService<DecideExtension>().RunAsync(u, id, r.Revision, r.Approve, r.WorkingDays, r.Note, ct),
            "延期审批: `approve` all or fewer `workingDays` (the limit moves on the calendar), or refuse with the `note` (center)");
        Act<ReplyRequest>(orders, WorkOrderActions.Reply, (s, u, id, r, ct) => s.GetRequiredService<ReplyToWorkOrder>().RunAsync(u, id, r.Revision, r.Result, r.Text, r.Plan, ct,
            WorkOrderFiles.FromApi(r.Files, WorkOrderFileKind.ReplyFile)),
            "答复: `result` Resolved, Explained or NotResolvableNow (with the `plan`) and the `text` (lead unit), with up to 5 `files` (`ReplyFile`)");
        Act<AddFilesRequest>(orders, "files", (s, u, id, r, ct) => s.GetRequiredService<AddWorkOrderFiles>().RunAsync(u, id, r.Revision,
            WorkOrderFiles.FromApi(r.Files, WorkOrderFileKind.CenterFile), ct),
            "补充附件: up to 5 `files` of kind CallerFile, LetterScan or CenterFile (the default) on an open order (center); 413 `hotline.file-too-large`, 415 `hotline.file-type`");
        Act<ReviewRequest>(orders, WorkOrderActions.Review, (s, u, id, r, ct) => s.GetRequiredService<ReviewReply>().RunAsync(u, id, r.Revision, r.Accept, r.Reason, ct),
            "审核: `accept` the reply, or send it back with the `reason` (center)");
        Act<CallbackRequest>(orders, WorkOrderActions.Callback, (s, u, id, r, ct) => s.GetRequiredService<CallBack>().RunAsync(u, id, r.Revision, r.Method, r.Resolved, r.Satisfaction, r.Note, ct, r.PublicationConsent),
            "回访: `method` Phone or Sms, `resolved`, `satisfaction`, and `publicationConsent` when the caller was asked; Unsatisfied waits for a reopening or closing (center)");
        Act<ConsentRequest>(orders, WorkOrderActions.Consent, (s, u, id, r, ct) => s.GetRequiredService<RecordConsent>().RunAsync(u, id, r.Revision, r.Consent, r.Note, ct),
            "公开意愿: record the caller's `consent` to publication as a typical order, or its withdrawal (which unpublishes it at once) (center)");
        Act<ReasonRequest>(orders, WorkOrderActions.Reopen, (s, u, id, r, ct) => s.GetRequiredService<ReopenWorkOrder>().RunAsync(u, id, r.Revision, r.Reason, ct),
            "重办: back to the same unit, counted, with the `reason` (center)");
        Act<NoteRequest>(orders, WorkOrderActions.Close, (s, u, id, r, ct) => s.GetRequiredService<CloseWorkOrder>().RunAsync(u, id, r.Revision, r.Note, ct),
            "办结 by the center with its review `note`");
    }

    private static void Act<TRequest>(RouteGroupBuilder orders, string action, Func<IServiceProvider, ClaimsPrincipal, Guid, TRequest, CancellationToken, Task<WorkOrder>> run, string summary) =>
        orders.MapPost("/" + action, async (Guid id, TRequest request, HttpContext http, OneWindowDbContext db, UserManager<UserAccount> users, CancellationToken ct) =>
        {
            var order = await run(http.RequestServices, http.User, id, request, ct);
            return TypedResults.Ok(await WorkOrderViews.BuildAsync(db, order, await HotlineStaff.PartyAsync(http.User, users, db), ct));
        }).WithSummary(summary);

    private static async Task<Ok<List<CategoryView>>> Categories(OneWindowDbContext db, CancellationToken ct)
    {
        var categories = await db.Set<HotlineCategory>().AsNoTracking().Where(c => c.Active).OrderBy(c => c.ParentCode).ThenBy(c => c.SortOrder).ToListAsync(ct);
        var units = await HotlineUnits.NamesAsync(db, categories.Where(c => c.DefaultUnitId is not null).Select(c => c.DefaultUnitId!.Value), ct);
        return TypedResults.Ok(categories.Select(c => new CategoryView(c.Code, c.Name, c.ParentCode, c.DefaultUnitId,
            c.DefaultUnitId is { } u ? units.GetValueOrDefault(u) : null, c.HandlingWorkingDays)).ToList());
    }

    private static async Task<Created<PublicOrderCreated>> Submit(WorkOrderForm form, RegisterWorkOrder register, CancellationToken ct)
    {
        var order = await register.FromPublicAsync(form, ct, WorkOrderFiles.FromApi(form.Files, WorkOrderFileKind.CallerFile));
        return TypedResults.Created("/api/v1/hotline/public/track", new PublicOrderCreated(order.Number));
    }

    private static async Task<Ok<TrackedWorkOrder>> Track(PublicTrackRequest r, TrackWorkOrder track, HttpContext http, CancellationToken ct)
    {
        var (order, locked) = await track.RunAsync(r.Number, r.PhoneTail, ct);
        if (locked > TimeSpan.Zero)
        {
            throw new Domain.DomainRuleException("hotline.tracking-locked", TrackWorkOrder.LockedMessage(locked));
        }
        Audit.PersonalData.NoStore(http.Response);
        return TypedResults.Ok(order ?? throw new NotFoundException("没有找到该工单，请核对工单编号和手机号后四位。"));
    }

    private static async Task<Ok<TrackedWorkOrder>> Rate(PublicRateRequest r, RateWorkOrderOnline rate, TrackWorkOrder track, CancellationToken ct)
    {
        await rate.RunAsync(r.Number, r.PhoneTail, r.Resolved, r.Satisfaction, r.Comment, ct);
        return TypedResults.Ok((await track.RunAsync(r.Number, r.PhoneTail, ct)).Order!);
    }

    private static async Task<Created<WorkOrderView>> Register(WorkOrderForm form, HttpContext http, RegisterWorkOrder register, OneWindowDbContext db,
        UserManager<UserAccount> users, CancellationToken ct)
    {
        var order = await register.ByOperatorAsync(http.User, form, ct,
            WorkOrderFiles.FromApi(form.Files, form.Channel is WorkOrderChannel.Letter or WorkOrderChannel.Email ? WorkOrderFileKind.LetterScan : WorkOrderFileKind.CallerFile));
        var view = await WorkOrderViews.BuildAsync(db, order, await HotlineStaff.PartyAsync(http.User, users, db), ct);
        return TypedResults.Created($"/api/v1/hotline/orders/{order.Id}", view);
    }

    private static async Task<Ok<WorkOrderView>> Get(Guid id, HttpContext http, OneWindowDbContext db, UserManager<UserAccount> users, CancellationToken ct)
    {
        var by = await HotlineStaff.PartyAsync(http.User, users, db);
        var order = await db.Set<WorkOrder>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("工单不存在。");
        HotlineStaff.EnsureMaySee(by, order);
        return TypedResults.Ok(await WorkOrderViews.BuildAsync(db, order, by, ct));
    }

    private static async Task<Ok<WorkOrderPage>> Queue(CenterList queue, string? after, HttpContext http, OneWindowDbContext db, UserManager<UserAccount> users,
        TimeProvider clock, CancellationToken ct)
    {
        await RequireCenterAsync(http.User, users, db);
        return TypedResults.Ok(await WorkOrderQueries.QueueAsync(db, queue, after, clock.GetUtcNow().UtcDateTime, ct));
    }

    private static async Task<Ok<WorkOrderPage>> Oversight(CenterList queue, string? after, OneWindowDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await WorkOrderQueries.QueueAsync(db, queue, after, clock.GetUtcNow().UtcDateTime, ct));

    private static async Task<Ok<WorkOrderPage>> Inbox(string? after, HttpContext http, OneWindowDbContext db, UserManager<UserAccount> users, TimeProvider clock, CancellationToken ct)
    {
        var by = await HotlineStaff.PartyAsync(http.User, users, db);
        var unit = by.UnitId ?? throw new ForbiddenException("hotline.unit-only", "收件箱属于承办单位；热线中心请查看各队列。");
        return TypedResults.Ok(await WorkOrderQueries.InboxAsync(db, unit, after, clock.GetUtcNow().UtcDateTime, ct));
    }

    private static async Task<Ok<IReadOnlyList<WorkOrderRow>>> History(CallerHistoryRequest r, HttpContext http, OneWindowDbContext db, UserManager<UserAccount> users,
        TimeProvider clock, CancellationToken ct)
    {
        await RequireCenterAsync(http.User, users, db);
        Audit.PersonalData.NoStore(http.Response);
        return TypedResults.Ok(await WorkOrderQueries.CallerHistoryAsync(db, r.Phone, clock.GetUtcNow().UtcDateTime, ct));
    }

    public static async Task RequireCenterAsync(ClaimsPrincipal user, UserManager<UserAccount> users, OneWindowDbContext db)
    {
        if (!(await HotlineStaff.PartyAsync(user, users, db)).IsCenter)
        {
            throw new ForbiddenException("hotline.center-only", "只有 12345 热线中心可以查看。");
        }
    }
}
