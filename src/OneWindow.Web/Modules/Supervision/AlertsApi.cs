using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>
/// An alert in a list. <c>subjectKind</c>, <c>subjectNumber</c> and <c>subjectTitle</c> name what it is about (none for
/// a certificate's red card or a notice about a department's matter); for a case they repeat <c>caseNumber</c> and
/// <c>itemName</c>, which stay for the clients that read them.
/// </summary>
public sealed record AlertSummary(Guid Id, SupervisionRule Rule, string RuleName, AlertSeverity Severity, AlertStatus Status, EscalationLevel Level,
    string? CaseNumber, string? ItemName, Guid DepartmentId, string? DepartmentName, string? HandlerName, string Detail, DateTime TriggeredAt, DateTime RaisedAt,
    SubjectKind? SubjectKind, string? SubjectNumber, string? SubjectTitle);

public sealed record AlertPage(IReadOnlyList<AlertSummary> Items, string? Next);

/// <summary>One alert with its answer, its review and its history, and what the signed-in person may do with it now; its subject as in <see cref="AlertSummary"/>.</summary>
public sealed record AlertView(Guid Id, int Revision, SupervisionRule Rule, string RuleName, AlertSeverity Severity, AlertStatus Status, EscalationLevel Level,
    string? CaseNumber, string? ItemName, Guid? NoticeId, Guid DepartmentId, string? DepartmentName, string? HandlerName, string Detail,
    DateTime TriggeredAt, DateTime RaisedAt, DateTime? EscalateAt, AlertResponse? Response, string? ResponseText, string? RespondedBy, DateTime? RespondedAt,
    string? ReviewNote, string? ClosedBy, DateTime? ClosedAt, IReadOnlyList<AlertEntry> History, IReadOnlyList<string> AvailableActions,
    SubjectKind? SubjectKind, string? SubjectNumber, string? SubjectTitle);

/// <summary>The department's answer: <c>Explained</c> (情况说明) or <c>Rectified</c> (整改报告), with the text.</summary>
public sealed record AlertAnswerRequest(int Revision, AlertResponse Response, string Text);

/// <summary>A supervisor's review: the note is optional to close and required to send back.</summary>
public sealed record AlertReviewRequest(int Revision, string? Note = null);

/// <summary>
/// <c>/api/v1/supervision/alerts</c>: the workbench's alert pages as an API, through the same list, scope and
/// <see cref="HandleAlerts"/> actions. Any member of staff may open the list (a department's staff see their
/// department's or venue's alerts, supervisors and leaders all); only case workers answer, only supervisors review.
/// </summary>
public static class AlertsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/supervision/alerts").WithTags("Supervision").RequireAuthorization(Policies.Staff);
        api.MapGet("/", List).WithSummary("Alerts the signed-in person may see, newest first, paged by key (`after`)")
            .WithDescription("Filters: `status` (Raised, Notified, Responded, Closed; all when absent), `severity` (Reminder, Yellow, Red), `department` (id; for supervisors and leaders). A department's staff see their department's alerts (a comprehensive window's staff those of cases received at their venue). 30 a page; pass `next` as `after`.");
        api.MapGet("/{id:guid}", Get).WithSummary("One alert with its answer, review, history and `availableActions`")
            .WithDescription("403 `alert.out-of-scope` for another department's alert.");
        api.MapPost("/{id:guid}/" + SupervisionActions.Answer, Answer).RequireAuthorization(Policies.CaseWork)
            .WithSummary("The department explains (`Explained`) or reports its rectification (`Rectified`)")
            .WithDescription("Only the responsible department's case workers; `revision` as last read (409 `concurrency.conflict` when stale). The alert awaits a supervisor's review.");
        api.MapPost("/{id:guid}/" + SupervisionActions.Close, (Guid id, AlertReviewRequest request, HttpContext http, HandleAlerts alerts, OneWindowDbContext db, CancellationToken ct) =>
                ReviewAsync(id, request, true, http, alerts, db, ct))
            .RequireAuthorization(Policies.Supervision).WithSummary("A supervisor accepts the answer and closes the alert (`note` optional)");
        api.MapPost("/{id:guid}/" + SupervisionActions.SendBack, (Guid id, AlertReviewRequest request, HttpContext http, HandleAlerts alerts, OneWindowDbContext db, CancellationToken ct) =>
                ReviewAsync(id, request, false, http, alerts, db, ct))
            .RequireAuthorization(Policies.Supervision).WithSummary("A supervisor sends the answer back (`note` required): the department answers again and the ladder runs again");
    }

    private static async Task<Ok<AlertPage>> List(AlertStatus? status, AlertSeverity? severity, Guid? department, string? after, HttpContext http,
        OneWindowDbContext db, Microsoft.AspNetCore.Identity.UserManager<Accounts.UserAccount> users, CancellationToken ct)
    {
        var viewer = await SupervisionViewer.LoadAsync(http.User, users);
        var (rows, next) = await AlertList.PageAsync(db, viewer, status, severity, department, after, ct);
        var names = await CaseDepartments.NamesAsync(db, [.. rows.Select(r => r.DepartmentId)], ct);
        return TypedResults.Ok(new AlertPage([.. rows.Select(r => new AlertSummary(r.Id, r.Rule, SupervisionText.Of(r.Rule), r.Severity, r.Status, r.Level,
            r.CaseNumber, r.ItemName, r.DepartmentId, names.GetValueOrDefault(r.DepartmentId), r.HandlerName, r.Detail, r.TriggeredAt, r.RaisedAt,
            r.SubjectKind, r.SubjectNumber, r.SubjectTitle))], next));
    }

    private static async Task<Ok<AlertView>> Get(Guid id, HttpContext http, HandleAlerts alerts, OneWindowDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ViewAsync(id, http, alerts, db, ct));

    private static async Task<Ok<AlertView>> Answer(Guid id, AlertAnswerRequest request, HttpContext http, HandleAlerts alerts, OneWindowDbContext db, CancellationToken ct)
    {
        await alerts.RespondAsync(http.User, id, request.Revision, request.Response, request.Text, ct);
        return TypedResults.Ok(await ViewAsync(id, http, alerts, db, ct));
    }

    private static async Task<Ok<AlertView>> ReviewAsync(Guid id, AlertReviewRequest request, bool accept, HttpContext http, HandleAlerts alerts, OneWindowDbContext db, CancellationToken ct)
    {
        await alerts.ReviewAsync(http.User, id, request.Revision, accept, request.Note, ct);
        return TypedResults.Ok(await ViewAsync(id, http, alerts, db, ct));
    }

    /// <summary>The alert as it is now, read again after an action as the page reads it after its redirect.</summary>
    private static async Task<AlertView> ViewAsync(Guid id, HttpContext http, HandleAlerts alerts, OneWindowDbContext db, CancellationToken ct)
    {
        var (a, viewer) = await alerts.LoadAlertAsync(http.User, id, ct);
        var names = await CaseDepartments.NamesAsync(db, [a.DepartmentId], ct);
        return new AlertView(a.Id, a.Revision, a.Rule, SupervisionText.Of(a.Rule), a.Severity, a.Status, a.Level, a.CaseNumber, a.ItemName, a.NoticeId,
            a.DepartmentId, names.GetValueOrDefault(a.DepartmentId), a.HandlerName, a.Detail, a.TriggeredAt, a.RaisedAt, a.EscalateAt,
            a.Response, a.ResponseText, a.RespondedBy, a.RespondedAt, a.ReviewNote, a.ClosedBy, a.ClosedAt, a.History, viewer.ActionsOn(a),
            a.SubjectKind, a.SubjectNumber, a.SubjectTitle);
    }
}
