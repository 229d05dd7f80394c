using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Supervision;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Supervision;

/// <summary>
/// The sweep dispatches each due watch to the kind of its subject (ADR 0020): a kind the product does not have — a
/// ticket with a promised reply date, registered by this test as a module would register its own — is watched, goes
/// overdue and gets its yellow card through the same rule settings, the same exactly-once raising, ladder, answer and
/// close as a case, in the same pass as a case of the Case kind.
/// </summary>
public sealed class SubjectKindTests : IDisposable
{
    /// <summary>Not a value of <see cref="SubjectKind"/>: the product's enum has no kind for tests.</summary>
    private static readonly SubjectKind TicketKind = (SubjectKind)99;

    private const string Item = "431025-MZ-002"; // the review node ends after 10 working days

    public sealed record Ticket(Guid Id, string Number, string Title, Guid DepartmentId, string RegionCode, DateTime PromisedAt, DateTime? RepliedAt, int Revision);

    /// <summary>The tickets, kept in memory: this kind's records live wherever its module keeps them.</summary>
    public sealed class TicketBook
    {
        public ConcurrentDictionary<Guid, Ticket> Tickets { get; } = new();
    }

    /// <summary>The tickets as a supervised kind: their promised reply date under the rule <c>PromisedOverdue</c>.</summary>
    public sealed class Tickets(TicketBook book, RegionCalendars calendars, SupervisionSettings settings) : ISupervisedKind
    {
        public SubjectKind Kind => TicketKind;

        public async Task<IReadOnlyList<SubjectCheck>> CheckDueAsync(IReadOnlyCollection<Guid> ids, DateTime now, CancellationToken ct)
        {
            var checks = new List<SubjectCheck>();
            foreach (var id in ids)
            {
                if (book.Tickets.TryGetValue(id, out var ticket))
                {
                    checks.Add(await CheckAsync(ticket, now, ct));
                }
            }
            return checks;
        }

        public async Task<SubjectCheck> CheckAsync(Ticket t, DateTime now, CancellationToken ct)
        {
            var subject = new SupervisedSubject(TicketKind, t.Id, t.Number, t.Title, t.DepartmentId, null, t.RegionCode);
            var calendar = await calendars.ForRegionAsync(t.RegionCode);
            var rules = (await settings.RuleBookAsync(ct)).ForCase(t.RegionCode, t.DepartmentId, null);
            var found = new TimedFindings(subject, now);
            if (rules.IsOn(SupervisionRule.PromisedOverdue))
            {
                found.Watch(SupervisionRule.PromisedOverdue, null, CaseSupervision.After(calendar, t.PromisedAt, rules[SupervisionRule.PromisedOverdue].Whole), t.RepliedAt,
                    $"工单承诺 {ChinaTime.DateOf(t.PromisedAt.AddTicks(-1)):yyyy-MM-dd} 前答复");
            }
            return new SubjectCheck(subject, t.Revision, null, rules, calendar, found.Result.Due, found.Result.NextCheckAt);
        }
    }

    private readonly OneWindowFactory _app = OneWindowFactory.WithServices(services => services
        .AddSingleton<TicketBook>()
        .AddScoped<ISupervisedKind, Tickets>());

    public void Dispose() => _app.Dispose();

    private async Task<SweepResult> SweepAt(DateTime atUtc)
    {
        _app.Clock.Set(new DateTimeOffset(atUtc, TimeSpan.Zero));
        return await _app.Services.GetRequiredService<SupervisionSweep>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>A ticket for 民政局 promised in two working days, put on the watch list the way its module's action would.</summary>
    private async Task<Ticket> OpenTicketAsync()
    {
        using var scope = _app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<OneWindowDbContext>();
        var department = await db.Departments.AsNoTracking().Where(d => d.Name == "临武县民政局").Select(d => new { d.Id, d.RegionCode }).SingleAsync();
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var calendar = await services.GetRequiredService<RegionCalendars>().ForRegionAsync(department.RegionCode);
        var ticket = new Ticket(Guid.CreateVersion7(now), "GD-2026-000042", "小区路灯不亮", department.Id, department.RegionCode,
            LegalClock.Due(calendar, now, 2).DueAtUtc!.Value, null, 1);
        services.GetRequiredService<TicketBook>().Tickets[ticket.Id] = ticket;

        var kind = services.GetServices<ISupervisedKind>().OfType<Tickets>().Single();
        await services.GetRequiredService<WriteUnit>().RunAsync(async t =>
        {
            var check = await kind.CheckAsync(ticket, now, t);
            Assert.Empty(check.Due);
            Assert.Equal(ticket.PromisedAt, check.NextCheckAt);
            await services.GetRequiredService<RaiseAlerts>().ForSubjectAsync(check, now, t);
            await services.GetRequiredService<SubjectWatches>().SetAsync(TicketKind, ticket.Id, ticket.Revision, check.NextCheckAt, null, t);
        }, CancellationToken.None);
        return ticket;
    }

    private async Task<List<SupervisionAlert>> AlertsOfKind(SubjectKind kind)
    {
        var db = _app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.SupervisionAlerts.AsNoTracking().Where(a => a.SubjectKind == kind).OrderBy(a => a.RaisedAt).ToListAsync();
        }
    }

    private async Task<List<string>> ToldAsync(Guid alertId)
    {
        var db = _app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.StaffNotifications.AsNoTracking().Where(n => n.AlertId == alertId)
                .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.UserName!).ToListAsync();
        }
    }

    [Fact]
    public async Task A_subject_of_another_kind_is_watched_by_the_same_sweep_raised_once_climbs_the_ladder_and_is_answered_and_closed_like_a_case()
    {
        var clerk = await _app.SignedIn("clerk.mz");
        var c = await CaseApi.Act(clerk, await CaseApi.Register(clerk, Item, "同扫"), "accept", new { });
        var ticket = await OpenTicketAsync();
        var nodeDue = c.Nodes[1].DueAt!.Value;
        Assert.True(nodeDue > ticket.PromisedAt);

        // Not a tick before its promise.
        await SweepAt(ticket.PromisedAt.AddTicks(-1));
        Assert.Empty(await AlertsOfKind(TicketKind));

        // One pass, both kinds: the ticket's promise and the case's node are both past.
        var pass = await SweepAt(nodeDue.AddMinutes(1));
        var again = await SweepAt(nodeDue.AddMinutes(2));

        Assert.True(pass.SubjectsChecked >= 2, $"{pass.SubjectsChecked} subjects checked");
        Assert.Equal(0, again.AlertsRaised);
        var alert = Assert.Single(await AlertsOfKind(TicketKind));
        Assert.Equal((SupervisionRule.PromisedOverdue, AlertSeverity.Yellow, AlertStatus.Notified, EscalationLevel.Department),
            (alert.Rule, alert.Severity, alert.Status, alert.Level));
        Assert.Equal((ticket.Id, "GD-2026-000042", "小区路灯不亮", ticket.DepartmentId), (alert.SubjectId!.Value, alert.SubjectNumber, alert.SubjectTitle, alert.DepartmentId));
        Assert.Equal(SupervisedSubject.KeyOf(TicketKind, ticket.Id), alert.Key);
        Assert.Equal(ticket.PromisedAt, alert.TriggeredAt);
        Assert.Null(alert.CaseNumber);
        Assert.Contains((await AlertsOfKind(SubjectKind.Case)), a => a.SubjectNumber == c.Number && a.Rule == SupervisionRule.NodeOverdue);
        // A yellow card is an order to the department: its approver (首席代表) is told, once.
        var told = await ToldAsync(alert.Id);
        Assert.Contains("approver.mz", told);
        Assert.Equal(told.Count, told.Distinct().Count());
        // Nothing left to watch on the ticket: the missed promise has had its card.
        var db = _app.NewDbContext(out var scope);
        using (scope)
        {
            Assert.False(await db.SupervisionWatches.AnyAsync(w => w.SubjectKind == TicketKind && w.SubjectId == ticket.Id));
        }

        // Unanswered, it climbs to the leadership at its escalation time.
        await SweepAt(alert.EscalateAt!.Value.AddMinutes(1));
        var climbed = Assert.Single(await AlertsOfKind(TicketKind));
        Assert.Equal(EscalationLevel.Leadership, climbed.Level);
        Assert.Contains("leader", await ToldAsync(alert.Id));

        // The department sees it among its alerts, answers it on its page; a supervisor closes it.
        var approver = await _app.SignedIn("approver.mz");
        Assert.Contains("GD-2026-000042", await approver.GetStringAsync("/workbench/alerts"), StringComparison.Ordinal);
        var url = $"/workbench/alerts/{alert.Id}";
        var detail = await approver.GetStringAsync(url);
        Assert.Contains("小区路灯不亮", detail, StringComparison.Ordinal);
        var answered = await Forms.PostAsync(approver, url, new Dictionary<string, string>
        {
            ["Revision"] = climbed.Revision.ToString(CultureInfo.InvariantCulture), ["Answer"] = "Explained", ["Text"] = "路灯已于当日修复，答复延误系工单转办所致",
        }, url + "?handler=Respond");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var responded = Assert.Single(await AlertsOfKind(TicketKind));
        Assert.Equal(AlertStatus.Responded, responded.Status);
        var closed = await Forms.PostAsync(await _app.SignedIn("supervisor"), url, new Dictionary<string, string>
        {
            ["Revision"] = responded.Revision.ToString(CultureInfo.InvariantCulture), ["Note"] = "说明属实",
        }, url + "?handler=Close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(["raised", "notified", "escalated", "notified", "explained", "closed"], Assert.Single(await AlertsOfKind(TicketKind)).History.Select(h => h.Action));
    }

    [Fact]
    public async Task The_watches_of_a_kind_no_module_registered_wait_an_hour_without_holding_up_the_others()
    {
        var clerk = await _app.SignedIn("clerk.mz");
        var c = await CaseApi.Act(clerk, await CaseApi.Register(clerk, Item, "无主"), "accept", new { });
        var nodeDue = c.Nodes[1].DueAt!.Value;
        var orphan = Guid.CreateVersion7(nodeDue);
        var unknown = (SubjectKind)98;
        using (var scope = _app.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<WriteUnit>().RunAsync(t =>
                services.GetRequiredService<SubjectWatches>().SetAsync(unknown, orphan, 1, nodeDue.AddDays(-1), null, t), CancellationToken.None);
        }

        var at = nodeDue.AddMinutes(1);
        await SweepAt(at);

        Assert.Contains(await AlertsOfKind(SubjectKind.Case), a => a.SubjectNumber == c.Number && a.Rule == SupervisionRule.NodeOverdue);
        var db = _app.NewDbContext(out var checkScope);
        using (checkScope)
        {
            var waiting = await db.SupervisionWatches.AsNoTracking().SingleAsync(w => w.SubjectKind == unknown && w.SubjectId == orphan);
            Assert.Equal(at + SupervisionSweep.UnknownKindRetry, waiting.DueAt);
            Assert.Equal(1, waiting.Revision);
        }
    }
}
