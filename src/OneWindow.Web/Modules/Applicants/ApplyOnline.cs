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

/// <summary>
/// What the applicant filled in: who applies (themselves, or an enterprise they act for), the uploads by material, how
/// the result should reach them (null: keep what was chosen), and the files the page already refused without reading.
/// </summary>
public sealed record OnlineApplication(ApplicantKind ApplicantKind, string? EnterpriseName, string? CreditCode, string Phone,
    IReadOnlyList<Upload> Uploads, DeliveryChoice? Delivery = null, IReadOnlyList<RefusedFile>? Refused = null)
{
    /// <summary>The answers to the application form by field key (null: leave the saved answers as they are).</summary>
    public IReadOnlyDictionary<string, string?>? Answers { get; init; }
}

/// <summary>The form of an item or a package: its name, its materials, the delivery methods its guide offers and its application form's fields.</summary>
public sealed record OnlineFormSpec(string Name, bool IsJoint, IReadOnlyList<FormMaterial> Materials, IReadOnlyList<DeliveryMethod> Delivery, IReadOnlyList<FormField> Fields);

/// <summary>
/// 网上申报: an applicant's drafts, submission, supplements and withdrawal, with the files they upload. Every step
/// checks that the case is theirs and the revision they saw, and is saved with its event like any other action.
/// </summary>
public sealed class ApplyOnline(OneWindowDbContext db, UserManager<UserAccount> users, ActOnCase act, CaseTemplates templates, CaseFiles files, RegionCalendars calendars, TimeProvider clock,
    WriteUnit unit, UploadQuota quota, CaseApplicationForm forms)
{
    /// <summary>Starts a draft for a published item or combined item, saving what was filled in so far.</summary>
    public async Task<OnlineResult> StartAsync(ClaimsPrincipal principal, string itemCode, OnlineApplication form, CancellationToken ct)
    {
        var user = await ApplicantAccounts.LoadAsync(principal, users);
        var (template, guides) = await templates.LoadFormAsync(itemCode, ct);
        var delivery = Offered(form.Delivery, await DeliveryOfferedAsync(template.Code, template.IsJoint, guides, ct));
        var refused = new List<RefusedFile>(form.Refused ?? []);
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
            var saved = StageUploads(c, form.Uploads, actor, refused);
            if (saved.Count > 0 || delivery is not null || form.Answers is { Count: > 0 })
            {
                c.SaveDraft(applicant, saved, actor, now, delivery, form.Answers is { } answers ? new FormFilled(template.Form, answers) : null);
            }
            db.CaseEvents.AddRange(c.NewEvents);
        }, ct);
        return new OnlineResult(c, refused);
    }

    /// <summary>
    /// Saves the draft (or the returned submission): what was typed, the delivery chosen and every upload that passes
    /// its checks. A file refused (too large, not a document, empty) is reported and the rest of the save stands.
    /// </summary>
    public async Task<OnlineResult> SaveAsync(ClaimsPrincipal principal, Guid id, int revision, OnlineApplication form, CancellationToken ct)
    {
        var refused = new List<RefusedFile>(form.Refused ?? []);
        // What the guide offers is read before the write unit (whose gate is for writes); whose case it is, is checked in it.
        DeliveryChoice? delivery = null;
        FormFilled? answers = null;
        if ((form.Delivery is not null || form.Answers is not null) && await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) is { } read
            && CaseOwnership.MaySee(await ApplicantAccounts.LoadAsync(principal, users), read))
        {
            delivery = Offered(form.Delivery, await DeliveryOfferedAsync(read, ct));
            answers = form.Answers is { } given ? new FormFilled(await FieldsOfAsync(read, ct), given) : null;
        }
        var c = await ActAsync(principal, id, revision, form.Uploads, (c, user, actor, now, _) =>
        {
            var applicant = ApplicantOf(user, form, now);
            var saved = StageUploads(c, form.Uploads, actor, refused);
            c.SaveDraft(applicant, saved, actor, now, delivery, answers);
            return Task.CompletedTask;
        }, ct);
        return new OnlineResult(c, refused);
    }

    /// <summary>
    /// Saves what was filled in, then submits: every required material needs a file; a draft gets its case number now.
    /// The save comes first and stands on its own, so that a refused submission keeps the files just uploaded.
    /// </summary>
    /// <remarks>A file of the save that was refused stops the submission (the applicant meant to send it): the save stands and says so.</remarks>
    public async Task<OnlineResult> SubmitAsync(ClaimsPrincipal principal, Guid id, int revision, OnlineApplication form, CancellationToken ct)
    {
        var saved = await SaveAsync(principal, id, revision, form, ct);
        if (saved.Refused.Count > 0)
        {
            return saved;
        }
        db.ChangeTracker.Clear();
        var fields = await FieldsOfAsync(saved.Case, ct);
        return new OnlineResult(await ActAsync(principal, id, saved.Case.Revision, [], async (c, _, actor, now, calendar) =>
        {
            var have = (await CaseFiles.ListAsync(db, c.Id, ct)).Select(f => f.MaterialName).ToHashSet();
            var missing = (await MaterialsOfAsync(c, ct)).Where(m => m.Required && !have.Contains(m.Name)).Select(m => m.Name).ToList();
            if (missing.Count > 0)
            {
                throw new DomainRuleException("case.materials-missing", "草稿已保存。请上传以下必需材料后再提交：" + string.Join("、", missing), "files");
            }
            var number = c.IsDraftNumber ? await CaseNumbers.NextAsync(db, c.RegionCode, ChinaTime.DateOf(now), ct) : null;
            c.Submit(number, [.. have], actor, now, calendar, fields);
        }, ct), []);
    }

    /// <summary>补正: the applicant uploads what the one-time notice asked for; the application is received again.</summary>
    /// <remarks>A supplement is answered whole: a file refused (by the page, unread, or here) refuses it, naming the file.</remarks>
    public Task<Case> SupplementAsync(ClaimsPrincipal principal, Guid id, int revision, IReadOnlyList<Upload> uploads, CancellationToken ct,
        IReadOnlyList<RefusedFile>? refusedByPage = null) =>
        ActAsync(principal, id, revision, uploads, (c, _, actor, now, calendar) =>
        {
            if (refusedByPage is { Count: > 0 } refused)
            {
                throw new DomainRuleException(refused[0].Code, Text.Formatted("补正材料未提交：{0}", string.Join(" ", refused.Select(r => r.Message))), "files");
            }
            if (uploads.Count == 0)
            {
                throw new DomainRuleException("case.supplement-empty", "请上传补正的材料。", "files");
            }
            var saved = files.AddAll(c, uploads, actor).Select(f => f.MaterialName).Distinct().ToList();
            c.Supplement(saved, actor, now, calendar);
            return Task.CompletedTask;
        }, ct);

    public Task<Case> WithdrawAsync(ClaimsPrincipal principal, Guid id, int revision, string reason, CancellationToken ct) =>
        ActAsync(principal, id, revision, [], (c, _, actor, now, _) =>
        {
            c.Withdraw(reason, actor, now);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Takes a file out of the draft (or the returned submission) before it is submitted; its content is deleted.</summary>
    public Task<Case> RemoveFileAsync(ClaimsPrincipal principal, Guid id, int revision, Guid fileId, CancellationToken ct) =>
        ActAsync(principal, id, revision, [], async (c, _, actor, now, _) => await TakeOutAsync(c, fileId, actor, now, ct), ct);

    /// <summary>Puts a new file in the place of one of the draft's files, for the same material; the old one is deleted.</summary>
    public Task<Case> ReplaceFileAsync(ClaimsPrincipal principal, Guid id, int revision, Guid fileId, Upload replacement, CancellationToken ct) =>
        ActAsync(principal, id, revision, [replacement], async (c, _, actor, now, _) =>
        {
            var material = await TakeOutAsync(c, fileId, actor, now, ct);
            files.AddAll(c, [replacement with { Material = material }], actor);
            c.SaveDraft(c.Applicant, [material], actor, now);
        }, ct);

    /// <returns>The material of the file taken out.</returns>
    private async Task<string> TakeOutAsync(Case c, Guid fileId, Actor actor, DateTime now, CancellationToken ct)
    {
        var file = await db.CaseFiles.FirstOrDefaultAsync(f => f.Id == fileId && f.CaseId == c.Id && f.RemovedAt == null, ct)
            ?? throw new NotFoundException("文件不存在或已删除。");
        c.RemoveFiles([$"{file.MaterialName}：{file.FileName}"], actor, now);
        file.RemovedAt = now;
        await db.StoredFiles.Where(s => s.Id == file.StoredFileId).ExecuteDeleteAsync(ct);
        return file.MaterialName;
    }

    /// <summary>The form for a new application: the item's (or package's) name, the materials to upload, the delivery methods offered.</summary>
    public async Task<OnlineFormSpec> FormForAsync(string code, CancellationToken ct)
    {
        var (template, guides) = await templates.LoadFormAsync(code, ct);
        return new(template.Name, template.IsJoint, MaterialsOf(guides), await DeliveryOfferedAsync(template.Code, template.IsJoint, guides, ct), template.Form);
    }

    /// <summary>The application form a case answers: its item's, or its package's merged over the members it pinned.</summary>
    public Task<IReadOnlyList<FormField>> FieldsOfAsync(Case c, CancellationToken ct) => forms.FieldsAsync(c, ct);

    /// <summary>The delivery methods the case's guide (a package's own) offers.</summary>
    public async Task<IReadOnlyList<DeliveryMethod>> DeliveryOfferedAsync(Case c, CancellationToken ct) =>
        await DeliveryOfferedAsync(c.ItemCode, c.IsJoint, c.IsJoint ? [] : await templates.GuidesAsync(c.PinnedVersionIds, ct), ct);

    private async Task<IReadOnlyList<DeliveryMethod>> DeliveryOfferedAsync(string code, bool isJoint, IReadOnlyList<ServiceGuide> guides, CancellationToken ct)
    {
        var offered = isJoint
            ? await db.CombinedItems.AsNoTracking().Where(x => x.Code == code).OrderByDescending(x => x.Status == VersionStatus.Published).Select(x => x.DeliveryMethods).FirstOrDefaultAsync(ct)
            : guides.Aggregate(DeliveryMethods.None, (all, g) => all | g.DeliveryMethods);
        List<DeliveryMethod> methods = [.. Enum.GetValues<DeliveryMethod>().Where(m => offered.HasFlag(Enum.Parse<DeliveryMethods>(m.ToString())))];
        return methods.Count > 0 ? methods : [DeliveryMethod.WindowPickup];
    }

    private static DeliveryChoice? Offered(DeliveryChoice? choice, IReadOnlyList<DeliveryMethod> offered) =>
        choice is null || offered.Contains(choice.Method) ? choice
            : throw new DomainRuleException("case.delivery-not-offered", "该事项不提供所选的送达方式，请重新选择。", "delivery");

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

    /// <summary>Stages each upload that passes its checks; each that does not is added to <paramref name="refused"/>.</summary>
    private List<string> StageUploads(Case c, IReadOnlyList<Upload> uploads, Actor actor, List<RefusedFile> refused)
    {
        var materials = new List<string>();
        foreach (var upload in uploads)
        {
            try
            {
                materials.AddRange(files.AddAll(c, [upload], actor).Select(f => f.MaterialName));
            }
            catch (DomainRuleException e) when (e.Field == "files")
            {
                refused.Add(RefusedFile.Of(upload.Material, upload.FileName, e));
            }
        }
        return [.. materials.Distinct()];
    }

    private static Applicant ApplicantOf(UserAccount user, OnlineApplication form, DateTime now) =>
        form.ApplicantKind == ApplicantKind.Enterprise
            ? Applicant.Create(ApplicantKind.Enterprise, form.EnterpriseName ?? "", form.CreditCode ?? "", form.Phone, ChinaTime.DateOf(now))
            : Applicant.Create(ApplicantKind.Person, user.DisplayName, user.IdentityNumber
                ?? throw new DomainRuleException("applicant.no-identity-number", Text.Translate("您的账户没有登记身份证号码，不能以个人名义网上申请。请携带本人身份证到政务服务中心窗口办理。")),
                form.Phone, ChinaTime.DateOf(now));
}
