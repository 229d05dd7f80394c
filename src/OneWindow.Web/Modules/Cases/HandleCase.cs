using OneWindow.Web.Modules.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Supervision;

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
}

/// <summary>A registered case, with the name of its department as the registration read it (null: not read).</summary>
public sealed record Registration(Case Case, string? DepartmentName);

/// <summary>
/// Every action on a case, for the workbench pages and the API alike: load the case, check who acts and the
/// revision they saw, let the domain decide, and save the case with its new events in one transaction.
/// </summary>
public sealed class HandleCase(OneWindowDbContext db, RegionCalendars calendars, UserManager<UserAccount> users, CaseFiles files, TimeProvider clock,
    WatchCases watch, NotifyStaff notify, PublishedTemplates templates)
{
    /// <summary>A window clerk registers an application handed in at the counter (or a town/village room takes it in for the county).</summary>
    public async Task<Registration> RegisterAsync(System.Security.Claims.ClaimsPrincipal principal, RegisterApplication request, CancellationToken ct)
    {
        files.CheckCount(request.Scans.Count); // before anything is read or held
        await db.Database.OpenConnectionAsync(ct); // one pooled connection for the whole registration: one lease from the pool, not one per query
        var userId = users.GetUserId(principal);
        var reads = userId is null ? null : await IntakeQueries.ForIntake(db, userId, request.ItemCode);
        var staff = CaseStaff.From(principal, users, reads?.User);
        var actor = staff.AsWindowClerk();
        var now = clock.GetUtcNow().UtcDateTime;
        // The published version was read with the clerk; with none, the code can only be a combined item.
        var template = await TemplateOrCombinedAsync(request.ItemCode,
            reads!.PublishedVersionId is { } versionId ? await templates.ForVersionAsync(db, versionId, ct) : null, ct);
        if (staff.User.DepartmentId is { } department && department != template.DepartmentId)
        {
            throw new ForbiddenException("case.out-of-scope", template.IsJoint ? "一件事由综合窗口或牵头部门窗口受理。" : "部门窗口只能受理本部门的事项。");
        }
        var applicant = Applicant.Create(request.ApplicantKind, request.ApplicantName, request.IdentityNumber, request.Phone, ChinaTime.DateOf(now));
        var venue = reads.Venue
            ?? throw new ForbiddenException("case.no-venue", "您的账户没有所在场所，不能收件；请联系中心管理员。");
        // Cases are numbered and timed by the county of the venue that takes them in (a town hall takes in for its county).
        var county = venue.RegionCode[..6] + "000000";
        var channel = venue.Tier is Domain.Organization.VenueTier.TownHall or Domain.Organization.VenueTier.VillageRoom ? CaseChannel.ProxyIntake : request.Channel;
        var calendar = await calendars.ForRegionAsync(county);
        var windowId = reads.WindowId;

        // Everything read before the gate (and the counter's row lock on PostgreSQL), which is held for the writes alone.
        await watch.PrepareAsync(ct);
        using var gate = await db.EnterWriteGateAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = await CaseNumbers.NextAsync(db, county, ChinaTime.DateOf(now), ct);
        var c = Case.Receive(number, template, applicant, channel, venue.Id, county, request.MaterialsProvided ?? [], actor, now, calendar, windowId);
        db.Cases.Add(c);
        files.AddAll(c, request.Scans, actor);
        db.CaseEvents.AddRange(c.NewEvents);
        await watch.OnReceivedAsync(c, now, calendar, ct);
        await db.SaveAllOrNothingAsync(ct); // a failed save rolls the whole registration back
        await tx.CommitAsync(ct);
        await notify.SendPendingAsync(gate, ct);
        return new Registration(c, reads.ItemDepartmentName); // null for a combined item: its view looks the name up
    }

    /// <summary>
    /// Runs one action on a case. <paramref name="expectedRevision"/> is the revision the person saw: if someone else
    /// acted in between, nothing is saved and the answer is a conflict (409 <c>concurrency.conflict</c>). The person
    /// acts in the role the domain's rule gives them for this action at the case's node, or is refused (403).
    /// </summary>
    public async Task<StaffCase> ActAsync(System.Security.Claims.ClaimsPrincipal principal, string number, int expectedRevision,
        CaseAction action, CaseActionRequest request, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct); // one pooled connection for the whole action
        var staff = await CaseStaff.LoadAsync(principal, users, db);
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Number == number, ct) ?? throw new NotFoundException($"案件 {number} 不存在。");
        staff.EnsureMaySee(c);
        if (c.Revision != expectedRevision)
        {
            throw new DbUpdateConcurrencyException($"Case {number} is at revision {c.Revision}, not {expectedRevision}.");
        }
        var actor = staff.ActorFor(c, action.Name);
        if (action.Name == CaseActionNames.HandOver)
        {
            request = request with { Target = await HandOverTargetAsync(c, request.ToUser, ct) };
        }
        var calendar = await calendars.ForRegionAsync(c.RegionCode);
        var now = clock.GetUtcNow().UtcDateTime;
        await CalendarCatchUp.BeforeActionAsync(db, c, calendar, now, ct);
        action.Run(c, actor, request, now, calendar);
        await SaveAsync(c, expectedRevision, now, calendar, ct);
        return new StaffCase(c, staff);
    }

    /// <summary>
    /// Saves an action with its events in one transaction, after carrying it across a joint case: an accepted joint
    /// case fans out into its parts; a part that moved updates the joint case (which is decided with the last part);
    /// issuing, delivering, withdrawing or terminating the joint case carries its parts along.
    /// </summary>
    internal async Task SaveAsync(Case c, int expectedRevision, DateTime now, WorkingDayCalendar calendar, CancellationToken ct)
    {
        // The action, the cases it carries along, and what supervision finds in them are one unit. A caller that
        // already holds a transaction (a first online submission) commits it and sends the notifications itself.
        await watch.PrepareAsync(ct);
        using var gate = await db.EnterWriteGateAsync(ct);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var touched = await CarryAcrossJointAsync(c, now, calendar, ct);
        AddNewEvents(c);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // Two people acted at once: the other's event took this sequence number first. Same answer as a stale revision.
            db.ChangeTracker.Clear();
            if (await ChangedMeanwhileAsync(c.Id, expectedRevision, ct))
            {
                throw new DbUpdateConcurrencyException($"Case {c.Number} changed while this action was saved.", e);
            }
            throw;
        }
        foreach (var moved in touched.Prepend(c))
        {
            await watch.AfterActionAsync(moved, moved.NewEvents, now, calendar, ct);
        }
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
            await notify.SendPendingAsync(gate, ct);
        }
    }

    /// <returns>The other cases the action moved (the parts, or the joint case), for supervision.</returns>
    private async Task<IReadOnlyList<Case>> CarryAcrossJointAsync(Case c, DateTime now, WorkingDayCalendar calendar, CancellationToken ct)
    {
        if (c.IsJoint && c.Status == CaseStatus.Accepted && c.Parts.Count == 0)
        {
            var ids = c.PartVersionIds.ToList();
            var versions = await db.ServiceItemVersions.AsNoTracking().Where(v => ids.Contains(v.Id)).ToListAsync(ct);
            var parts = c.FanOut(versions, now, calendar);
            db.Cases.AddRange(parts);
            foreach (var part in parts)
            {
                AddNewEvents(part);
            }
            return parts;
        }
        else if (c.IsJoint && c.Status is CaseStatus.ResultIssued or CaseStatus.Concluded or CaseStatus.Withdrawn or CaseStatus.Terminated)
        {
            var parts = await db.Cases.Where(p => p.ParentCaseId == c.Id).OrderBy(p => p.Number).ToListAsync(ct);
            foreach (var part in parts)
            {
                await CalendarCatchUp.BeforeActionAsync(db, part, calendar, now, ct);
                part.FollowJoint(c, now, calendar);
                c.RecordPart(part, now, calendar);
                AddNewEvents(part);
            }
            return parts;
        }
        else if (c.ParentCaseId is { } parentId)
        {
            var joint = await db.Cases.FirstAsync(p => p.Id == parentId, ct);
            await CalendarCatchUp.BeforeActionAsync(db, joint, calendar, now, ct);
            joint.RecordPart(c, now, calendar);
            AddNewEvents(joint);
            return [joint];
        }
        return [];
    }

    private async Task<bool> ChangedMeanwhileAsync(Guid id, int expectedRevision, CancellationToken ct)
    {
        try
        {
            return await db.Cases.AsNoTracking().AnyAsync(x => x.Id == id && x.Revision != expectedRevision, ct);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            // PostgreSQL refuses queries in a transaction aborted by the error; the only such failure here is the
            // lost race on the event sequence.
            return true;
        }
    }

    /// <summary>A case keeps the events appended since it was loaded; one already saved in this unit of work is not added twice.</summary>
    private void AddNewEvents(Case c) =>
        db.CaseEvents.AddRange(c.NewEvents.Where(e => db.Entry(e).State == EntityState.Detached));

    /// <summary>The template and the guides behind it (the item's, or every member's of a package), for the intake forms.</summary>
    public async Task<(CaseTemplate Template, IReadOnlyList<ServiceGuide> Guides)> LoadFormAsync(string code, CancellationToken ct)
    {
        var template = await LoadTemplateAsync(code, ct);
        return (template, await GuidesAsync(template.VersionIds, ct));
    }

    /// <summary>The guides of the given item versions (a case's or a template's pinned versions).</summary>
    public async Task<IReadOnlyList<ServiceGuide>> GuidesAsync(IReadOnlyList<Guid> versionIds, CancellationToken ct)
    {
        var ids = versionIds.ToList();
        return await db.ServiceItemVersions.AsNoTracking().Where(v => ids.Contains(v.Id)).Select(v => v.Guide).ToListAsync(ct);
    }

    /// <summary>What an application is for: a published item version, or a published combined item (一件事) with its members.</summary>
    public async Task<CaseTemplate> LoadTemplateAsync(string code, CancellationToken ct) =>
        await TemplateOrCombinedAsync(code, await templates.ForItemAsync(db, code, ct), ct);

    /// <param name="item">The template of the code's published item version, or null when it has none.</param>
    private async Task<CaseTemplate> TemplateOrCombinedAsync(string code, CaseTemplate? item, CancellationToken ct)
    {
        if (item is { } template)
        {
            return template;
        }
        var combined = await db.CombinedItems.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code && x.Status == VersionStatus.Published, ct)
            ?? throw new DomainRuleException("case.item-unknown", $"事项 {code} 不存在或未发布。", "itemCode");
        var codes = combined.MemberCodes.ToList();
        var members = await db.ServiceItemVersions.AsNoTracking().Where(v => codes.Contains(v.ItemCode) && v.Status == VersionStatus.Published).ToListAsync(ct);
        return CaseTemplate.ForCombined(combined, members);
    }

    /// <summary>
    /// The colleague named in a hand-over, with their roles: an active member of staff who may open the case (its
    /// department's, or its venue's comprehensive window). Whether their roles may act at the case's node is the
    /// domain's rule (<see cref="Case.HandOver"/>).
    /// </summary>
    private async Task<HandOverTarget> HandOverTargetAsync(Case c, string? userName, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            throw new DomainRuleException("case.hand-over-target", "请填写接收人的用户名。", "toUser");
        }
        var target = await users.FindByNameAsync(userName.Trim());
        if (target is null || !target.IsActive)
        {
            throw new DomainRuleException("case.hand-over-target", "只能转交给本部门（或本场所综合窗口）的在岗人员。", "toUser");
        }
        var colleague = new CaseStaff(target, [.. await users.GetRolesAsync(target)]);
        if (!colleague.MaySee(c))
        {
            throw new DomainRuleException("case.hand-over-target", "只能转交给本部门（或本场所综合窗口）的在岗人员。", "toUser");
        }
        return new HandOverTarget(target.Id, target.DisplayName, colleague.Roles);
    }

    public async Task<Case> LoadForAsync(System.Security.Claims.ClaimsPrincipal principal, string number, CancellationToken ct) =>
        (await LoadWithStaffAsync(principal, number, ct)).Case;

    /// <summary>A case the signed-in member of staff may open, with them as the case sees them.</summary>
    public async Task<StaffCase> LoadWithStaffAsync(System.Security.Claims.ClaimsPrincipal principal, string number, CancellationToken ct)
    {
        var staff = await CaseStaff.LoadAsync(principal, users, db);
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Number == number, ct) ?? throw new NotFoundException($"案件 {number} 不存在。");
        staff.EnsureMaySee(c);
        return new StaffCase(c, staff);
    }
}

/// <summary>A case and the member of staff who opened or acted on it.</summary>
public sealed record StaffCase(Case Case, CaseStaff Staff)
{
    /// <summary>What this person may do with the case now.</summary>
    public IReadOnlyList<string> AvailableActions => Case.AvailableActions(Staff.Roles, Staff.User.Id);
}
