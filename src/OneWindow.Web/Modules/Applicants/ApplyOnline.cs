using OneWindow.Web.Modules.Accounts;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Applicants;

/// <summary>A material the online form asks for, from the guide (or merged from every member's guide of a package).</summary>
public sealed record FormMaterial(string Name, bool Required, string? Condition, Guid? TemplateFileId);

/// <summary>What the applicant filled in: who applies (themselves, or an enterprise they act for) and the uploads by material.</summary>
public sealed record OnlineApplication(ApplicantKind ApplicantKind, string? EnterpriseName, string? CreditCode, string Phone,
    IReadOnlyList<Upload> Uploads);

/// <summary>
/// 网上申报: an applicant's drafts, submission, supplements and withdrawal, with the files they upload. Every step
/// checks that the case is theirs and the revision they saw, and is saved with its event like any other action.
/// </summary>
public sealed class ApplyOnline(OneWindowDbContext db, UserManager<UserAccount> users, ActOnCase act, CaseTemplates templates, CaseFiles files, RegionCalendars calendars, TimeProvider clock,
    WriteUnit unit, UploadQuota quota)
{
    /// <summary>Starts a draft for a published item or combined item, saving what was filled in so far.</summary>
    public async Task<Case> StartAsync(ClaimsPrincipal principal, string itemCode, OnlineApplication form, CancellationToken ct)
    {
        var user = await ApplicantAccounts.LoadAsync(principal, users);
        var template = await templates.LoadTemplateAsync(itemCode, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var applicant = ApplicantOf(user, form, now);
        // Online applications go to the county center of the responsible department's county, which pre-reviews them.
        var region = await db.Departments.AsNoTracking().Where(d => d.Id == template.DepartmentId).Select(d => d.RegionCode).FirstAsync(ct);
        var county = region[..6] + "000000";
        var venue = await db.Venues.AsNoTracking().Where(v => v.RegionCode == county && v.Tier == VenueTier.CountyCenter).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(ct);
        var actor = ApplicantAccounts.ActorOf(user);
        var c = Case.StartDraft(template, applicant, actor, venue, county, now);
        files.CheckCount(form.Uploads.Count);
        // The quota's count and the new draft are one unit: parallel starts cannot each find room.
        await unit.RunAsync(async t =>
        {
            await quota.LockAsync(user.Id, t);
            await quota.CheckNewDraftAsync(user.Id, t);
            await quota.CheckUploadsAsync(user.Id, c, form.Uploads, t);
            db.Cases.Add(c);
            var saved = StageUploads(c, form.Uploads, actor);
            if (saved.Count > 0)
            {
                c.SaveDraft(applicant, saved, actor, now);
            }
            db.CaseEvents.AddRange(c.NewEvents);
        }, ct);
        return c;
    }

    public Task<Case> SaveAsync(ClaimsPrincipal principal, Guid id, int revision, OnlineApplication form, CancellationToken ct) =>
        ActAsync(principal, id, revision, form.Uploads, (c, user, actor, now, _) =>
        {
            var applicant = ApplicantOf(user, form, now);
            var saved = StageUploads(c, form.Uploads, actor);
            c.SaveDraft(applicant, saved, actor, now);
            return Task.CompletedTask;
        }, ct);

    /// <summary>
    /// Saves what was filled in, then submits: every required material needs a file; a draft gets its case number now.
    /// The save comes first and stands on its own, so that a refused submission keeps the files just uploaded.
    /// </summary>
    public async Task<Case> SubmitAsync(ClaimsPrincipal principal, Guid id, int revision, OnlineApplication form, CancellationToken ct)
    {
        var saved = await SaveAsync(principal, id, revision, form, ct);
        db.ChangeTracker.Clear();
        return await ActAsync(principal, id, saved.Revision, [], async (c, _, actor, now, calendar) =>
        {
            var have = (await CaseFiles.ListAsync(db, c.Id, ct)).Select(f => f.MaterialName).ToHashSet();
            var missing = (await MaterialsOfAsync(c, ct)).Where(m => m.Required && !have.Contains(m.Name)).Select(m => m.Name).ToList();
            if (missing.Count > 0)
            {
                throw new DomainRuleException("case.materials-missing", "草稿已保存。请上传以下必需材料后再提交：" + string.Join("、", missing), "files");
            }
            var number = c.IsDraftNumber ? await CaseNumbers.NextAsync(db, c.RegionCode, ChinaTime.DateOf(now), ct) : null;
            c.Submit(number, [.. have], actor, now, calendar);
        }, ct);
    }

    /// <summary>补正: the applicant uploads what the one-time notice asked for; the application is received again.</summary>
    public Task<Case> SupplementAsync(ClaimsPrincipal principal, Guid id, int revision, IReadOnlyList<Upload> uploads, CancellationToken ct) =>
        ActAsync(principal, id, revision, uploads, (c, _, actor, now, calendar) =>
        {
            if (uploads.Count == 0)
            {
                throw new DomainRuleException("case.supplement-empty", "请上传补正的材料。", "files");
            }
            var saved = StageUploads(c, uploads, actor);
            c.Supplement(saved, actor, now, calendar);
            return Task.CompletedTask;
        }, ct);

    public Task<Case> WithdrawAsync(ClaimsPrincipal principal, Guid id, int revision, string reason, CancellationToken ct) =>
        ActAsync(principal, id, revision, [], (c, _, actor, now, _) =>
        {
            c.Withdraw(reason, actor, now);
            return Task.CompletedTask;
        }, ct);

    /// <summary>The form for a new application: the item's (or package's) name and the materials to upload.</summary>
    public async Task<(string Name, bool IsJoint, IReadOnlyList<FormMaterial> Materials)> FormForAsync(string code, CancellationToken ct)
    {
        var (template, guides) = await templates.LoadFormAsync(code, ct);
        return (template.Name, template.IsJoint, MaterialsOf(guides));
    }

    public async Task<IReadOnlyList<FormMaterial>> MaterialsOfAsync(Case c, CancellationToken ct) => MaterialsOf(await templates.GuidesAsync(c.PinnedVersionIds, ct));

    /// <summary>
    /// The materials the applicant supplies (not those the agency looks up), once each even when several members ask for
    /// one (a package's checklist, <see cref="PackageMaterials"/>). Which of them are required is the domain's rule
    /// (<see cref="CaseTemplate.RequiredOfApplication"/>), the one acceptance checks.
    /// </summary>
    public static IReadOnlyList<FormMaterial> MaterialsOf(IEnumerable<ServiceGuide> guides)
    {
        var list = guides.ToList();
        var required = CaseTemplate.RequiredOfApplication(list).ToHashSet(StringComparer.Ordinal);
        return [.. PackageMaterials.Checklist(list).Where(m => m.Source == MaterialSource.Applicant)
            .Select(m => new FormMaterial(m.Name, required.Contains(m.Name.Trim()), m.Condition, m.TemplateFileId))];
    }


    /// <summary>
    /// Loads the applicant's case at the revision they saw and runs the step. <paramref name="uploads"/> are checked
    /// against the count limit at once and against the applicant's quota inside the step's transaction.
    /// </summary>
    private async Task<Case> ActAsync(ClaimsPrincipal principal, Guid id, int revision, IReadOnlyList<Upload> uploads,
        Func<Case, UserAccount, Actor, DateTime, WorkingDayCalendar, Task> action, CancellationToken ct)
    {
        files.CheckCount(uploads.Count);
        var user = await ApplicantAccounts.LoadAsync(principal, users);
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !CaseOwnership.MaySee(user, c))
        {
            throw new NotFoundException("申请不存在。");
        }
        if (c.Revision != revision)
        {
            throw new DbUpdateConcurrencyException($"Case {c.Number} is at revision {c.Revision}, not {revision}.");
        }
        var calendar = await calendars.ForRegionAsync(c.RegionCode);
        var now = clock.GetUtcNow().UtcDateTime;
        // One write unit: a first submission takes its case number in it (as at window intake), so that a refused
        // submission leaves no gap in the numbers, and uploads are counted in it against what the applicant holds.
        await unit.RunAsync(async t =>
        {
            await act.CatchUpAsync(c, calendar, now, t);
            if (uploads.Count > 0)
            {
                await quota.LockAsync(user.Id, t);
                await quota.CheckUploadsAsync(user.Id, c, uploads, t);
            }
            await action(c, user, ApplicantAccounts.ActorOf(user), now, calendar);
            await act.SaveMovedAsync(c, revision, now, calendar, t);
        }, ct);
        return c;
    }

    private IReadOnlyList<string> StageUploads(Case c, IReadOnlyList<Upload> uploads, Actor actor) =>
        [.. files.AddAll(c, uploads, actor).Select(f => f.MaterialName).Distinct()];

    private static Applicant ApplicantOf(UserAccount user, OnlineApplication form, DateTime now) =>
        form.ApplicantKind == ApplicantKind.Enterprise
            ? Applicant.Create(ApplicantKind.Enterprise, form.EnterpriseName ?? "", form.CreditCode ?? "", form.Phone, ChinaTime.DateOf(now))
            : Applicant.Create(ApplicantKind.Person, user.DisplayName, user.IdentityNumber
                ?? throw new DomainRuleException("applicant.no-identity-number", Text.Translate("您的账户没有登记身份证号码，不能以个人名义网上申请。请携带本人身份证到政务服务中心窗口办理。")),
                form.Phone, ChinaTime.DateOf(now));
}
