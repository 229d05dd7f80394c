using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>A supervision notice in a list; <c>subjectKind</c> and <c>subjectNumber</c> name what it is about (for a case, <c>caseNumber</c> again).</summary>
public sealed record NoticeSummary(Guid Id, string Number, string Title, string? CaseNumber, Guid DepartmentId, string? DepartmentName,
    DateTime IssuedAt, DateOnly ReplyDueDate, NoticeStatus Status, bool RepliedLate, SubjectKind? SubjectKind, string? SubjectNumber);

public sealed record NoticePage(IReadOnlyList<NoticeSummary> Items, string? Next);

/// <summary>
/// One supervision notice: the requirement and its reply date, the department's reply, the closing, the red card
/// raised when it was not answered in time (<c>redCardId</c>), and what the signed-in person may do with it now.
/// </summary>
public sealed record NoticeView(Guid Id, string Number, int Revision, string Title, string Requirement, string? CaseNumber, Guid DepartmentId, string? DepartmentName,
    string IssuedBy, DateTime IssuedAt, DateOnly ReplyDueDate, DateTime ReplyDueAt, NoticeStatus Status, string? Reply, string? RepliedBy, DateTime? RepliedAt,
    bool RepliedLate, string? CloseNote, string? ClosedBy, DateTime? ClosedAt, Guid? RedCardId, IReadOnlyList<string> AvailableActions,
    SubjectKind? SubjectKind, string? SubjectNumber);

/// <summary>下发督办单: about a case (its department is taken from it) or a department's matter (<c>departmentId</c>), with a reply date in working days (1–30).</summary>
public sealed record NoticeIssueRequest(string Title, string Requirement, int ReplyWorkingDays, string? CaseNumber = null, Guid? DepartmentId = null);

public sealed record NoticeReplyRequest(int Revision, string Reply);

public sealed record NoticeCloseRequest(int Revision, string? Note = null);

/// <summary>
/// <c>/api/v1/supervision/notices</c>: the workbench's notice pages and the supervision center's issue form as an
/// API, through <see cref="NoticeList"/> and the <see cref="HandleAlerts"/> actions, with the pages' scope.
/// </summary>
public static class NoticesApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/supervision/notices").WithTags("Supervision").RequireAuthorization(Policies.Staff);
        api.MapGet("/", List).WithSummary("Supervision notices (督办单) the signed-in person may see, newest first, paged by key (`after`)")
            .WithDescription("A department's staff see their department's notices; supervisors and leaders all. 30 a page; pass `next` as `after`.");
        api.MapGet("/{id:guid}", Get).WithSummary("One notice with its reply, closing, red card and `availableActions`")
            .WithDescription("403 `notice.out-of-scope` for another department's notice.");
        api.MapPost("/", Issue).RequireAuthorization(Policies.Supervision)
            .WithSummary("A supervisor issues a notice to a department, about one of its cases (`caseNumber`) or a matter of its own (`departmentId`)")
            .WithDescription("The reply date is `replyWorkingDays` (1–30) working days ahead; the department's staff are told in the workbench. 201 with the notice.");
        api.MapPost("/{id:guid}/" + SupervisionActions.Reply, Reply).RequireAuthorization(Policies.CaseWork)
            .WithSummary("The department replies (`reply`); a reply after the date is marked late and raises the red card if the sweep has not yet");
        api.MapPost("/{id:guid}/" + SupervisionActions.Close, Close).RequireAuthorization(Policies.Supervision)
            .WithSummary("A supervisor accepts the reply and closes the notice (`note` optional)");
    }

    private static async Task<Ok<NoticePage>> List(string? after, HttpContext http, OneWindowDbContext db, UserManager<UserAccount> users, CancellationToken ct)
    {
        var viewer = await SupervisionViewer.LoadAsync(http.User, users);
        var (rows, next) = await NoticeList.PageAsync(db, viewer, after, ct);
        var names = await CaseDepartments.NamesAsync(db, [.. rows.Select(r => r.DepartmentId)], ct);
        return TypedResults.Ok(new NoticePage([.. rows.Select(n => new NoticeSummary(n.Id, n.Number, n.Title, n.CaseNumber, n.DepartmentId,
            names.GetValueOrDefault(n.DepartmentId), n.IssuedAt, n.ReplyDueDate, n.Status, n.RepliedLate, n.SubjectKind, n.SubjectNumber))], next));
    }

    private static async Task<Ok<NoticeView>> Get(Guid id, HttpContext http, HandleAlerts handle, OneWindowDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ViewAsync(id, http, handle, db, ct));

    private static async Task<Created<NoticeView>> Issue(NoticeIssueRequest request, HttpContext http, HandleAlerts handle, OneWindowDbContext db, CancellationToken ct)
    {
        var notice = await handle.IssueNoticeAsync(http.User, request.CaseNumber, request.DepartmentId, request.Title, request.Requirement, request.ReplyWorkingDays, ct);
        return TypedResults.Created($"/api/v1/supervision/notices/{notice.Id}", await ViewAsync(notice.Id, http, handle, db, ct));
    }

    private static async Task<Ok<NoticeView>> Reply(Guid id, NoticeReplyRequest request, HttpContext http, HandleAlerts handle, OneWindowDbContext db, CancellationToken ct)
    {
        await handle.ReplyAsync(http.User, id, request.Revision, request.Reply, ct);
        return TypedResults.Ok(await ViewAsync(id, http, handle, db, ct));
    }

    private static async Task<Ok<NoticeView>> Close(Guid id, NoticeCloseRequest request, HttpContext http, HandleAlerts handle, OneWindowDbContext db, CancellationToken ct)
    {
        await handle.CloseNoticeAsync(http.User, id, request.Revision, request.Note, ct);
        return TypedResults.Ok(await ViewAsync(id, http, handle, db, ct));
    }

    private static async Task<NoticeView> ViewAsync(Guid id, HttpContext http, HandleAlerts handle, OneWindowDbContext db, CancellationToken ct)
    {
        var (n, viewer) = await handle.LoadNoticeAsync(http.User, id, ct);
        var names = await CaseDepartments.NamesAsync(db, [n.DepartmentId], ct);
        var redCard = await db.SupervisionAlerts.AsNoTracking().Where(a => a.NoticeId == id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        return new NoticeView(n.Id, n.Number, n.Revision, n.Title, n.Requirement, n.CaseNumber, n.DepartmentId, names.GetValueOrDefault(n.DepartmentId),
            n.IssuedBy, n.IssuedAt, n.ReplyDueDate, n.ReplyDueAt, n.Status, n.Reply, n.RepliedBy, n.RepliedAt, n.RepliedLate, n.CloseNote, n.ClosedBy, n.ClosedAt,
            redCard, viewer.ActionsOn(n), n.SubjectKind, n.SubjectNumber);
    }
}
