using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Organization;

namespace OneWindow.Web.Modules.Cases;

public sealed record RegisterApplication(
    string ItemCode,
    ApplicantKind ApplicantKind,
    string ApplicantName,
    string IdentityNumber,
    string Phone,
    CaseChannel Channel = CaseChannel.Window,
    IReadOnlyList<string>? MaterialsProvided = null)
{
    /// <summary>Scans taken at the counter, by material (the workbench form; the API registers without files).</summary>
    public IReadOnlyList<Upload> Scans { get; init; } = [];

    /// <summary>The window the clerk sits at, chosen at intake and remembered (null: the one they chose before).</summary>
    public Guid? WindowId { get; init; }

    /// <summary>The answers to the item's (or package's) application form by field key (一表通).</summary>
    public IReadOnlyDictionary<string, string?>? Form { get; init; }
}

/// <summary>A registered case, with the name of its department as the registration read it (null: not read).</summary>
public sealed record Registration(Case Case, string? DepartmentName);

/// <summary>
/// 收件: a window clerk registers an application handed in at the counter (or a town or village room takes it in for
/// the county): the case is received with its gap-free number, its event and its scans, and the case hooks see it, in
/// one write unit.
/// </summary>
public sealed class ReceiveApplication(OneWindowDbContext db, WriteUnit unit, CaseHooks hooks, RegionCalendars calendars, UserManager<UserAccount> users,
    CaseFiles files, PublishedTemplates published, CaseTemplates templates, ChooseWindow seats, TimeProvider clock)
{
    /// <summary>A window clerk registers an application handed in at the counter (or a town/village room takes it in for the county).</summary>
    public async Task<Registration> RunAsync(System.Security.Claims.ClaimsPrincipal principal, RegisterApplication request, CancellationToken ct)
    {
        files.CheckCount(request.Scans.Count); // before anything is read or held
        if (request.WindowId is { } window)
        {
            await seats.SitAsync(principal, window, ct); // the clerk sits there from now on; the case is counted against it
        }
        await db.Database.OpenConnectionAsync(ct); // one pooled connection for the whole registration: one lease from the pool, not one per query
        var userId = users.GetUserId(principal);
        var reads = userId is null ? null : await IntakeQueries.ForIntake(db, userId, request.ItemCode);
        var staff = CaseStaff.From(principal, users, reads?.User);
        var actor = staff.AsWindowClerk();
        var now = clock.GetUtcNow().UtcDateTime;
        // The published version was read with the clerk; with none, the code can only be a combined item.
        var template = await templates.OrCombinedAsync(request.ItemCode,
            reads!.PublishedVersionId is { } versionId ? await published.ForVersionAsync(db, versionId, ct) : null, ct);
        var venue = reads.Venue
            ?? throw new ForbiddenException("case.no-venue", "您的账户没有所在场所，不能收件；请联系中心管理员。");
        // A town hall or village room takes in only what its tier list (下沉清单) lets it take in.
        Domain.Organization.TierRules.CheckIntake(venue.Tier, reads.TierRole);
        // A town-own item (Decide at a town hall with its own department) is decided by the town: the case is the town
        // department's, whether the hall takes it in or one of the town's village rooms does.
        var deciding = Domain.Organization.TierRules.DecidingDepartment(venue.Tier, reads.TierRole, venue.OwnDepartmentId, template.DepartmentId,
            reads.TownHallRole, reads.TownHallOwnDepartmentId);
        var departmentName = reads.ItemDepartmentName;
        if (deciding != template.DepartmentId)
        {
            template = template with { DepartmentId = deciding };
            departmentName = venue.Tier == Domain.Organization.VenueTier.VillageRoom ? reads.TownHallOwnDepartmentName : reads.OwnDepartmentName;
        }
        if (staff.User.DepartmentId is { } department && department != template.DepartmentId)
        {
            throw new ForbiddenException("case.out-of-scope", template.IsJoint ? "一件事由综合窗口或牵头部门窗口受理。" : "部门窗口只能受理本部门的事项。");
        }
        var applicant = Applicant.Create(request.ApplicantKind, request.ApplicantName, request.IdentityNumber, request.Phone, ChinaTime.DateOf(now));
        // Cases are numbered and timed by the county of the venue that takes them in (a town hall takes in for its county).
        var county = venue.RegionCode[..6] + "000000";
        var channel = venue.Tier is Domain.Organization.VenueTier.TownHall or Domain.Organization.VenueTier.VillageRoom ? CaseChannel.ProxyIntake : request.Channel;
        var calendar = await calendars.ForRegionAsync(county);
        var windowId = reads.WindowId;

        // Everything read before the unit takes the gate (and the counter's row lock on PostgreSQL), which is held for the
        // writes alone: the number, the case, its event, its scans and what the hooks add, in one save.
        await hooks.PrepareAsync(ct);
        var c = await unit.RunAsync(async t =>
        {
            var number = await CaseNumbers.NextAsync(db, county, ChinaTime.DateOf(now), t);
            var received = Case.Receive(number, template, applicant, channel, venue.Id, county, request.MaterialsProvided ?? [], actor, now, calendar, windowId, request.Form);
            db.Cases.Add(received);
            files.AddAll(received, request.Scans, actor);
            db.CaseEvents.AddRange(received.NewEvents);
            await hooks.MovedAsync(new CaseMoved(received, received.NewEvents, now, calendar, IsNew: true), t);
            return received;
        }, ct);
        return new Registration(c, departmentName); // null for a combined item: its view looks the name up
    }
}
