using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneWindow.Domain;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Applicants;

/// <summary>
/// What one applicant may keep on the server before anyone at the center has looked at it (<c>Uploads:*</c>): so
/// many unsubmitted drafts, so many files per application, and so many megabytes over the applications still in
/// their hands (drafts and submissions returned to them). Without it, three drafts of 2 × 10 MB went up in a second,
/// and drafts had no end. What an applicant holds is not all: a discarded draft frees its place but keeps its files
/// (they are part of its record), so discarding and starting again would upload without end. What was started and
/// uploaded in the last 24 hours is therefore bounded too — applications started, files and megabytes — counted from
/// the applications and files themselves, whatever became of them since. The checks run in the transaction that saves
/// the files, after a lock on the applicant (the SQLite write gate; on PostgreSQL a transaction-scoped advisory lock),
/// so that parallel requests cannot each find room for themselves.
/// </summary>
public sealed class UploadQuota(OneWindowDbContext db, IOptions<UploadLimits> options, TimeProvider clock)
{
    private static readonly CaseStatus[] InApplicantsHands = [CaseStatus.Draft, CaseStatus.ReturnedForCorrection];

    /// <summary>The window of the daily counts.</summary>
    public static readonly TimeSpan Day = TimeSpan.FromHours(24);

    private UploadLimits Limits => options.Value;

    /// <summary>Serializes the applicant's uploads until the transaction ends (a no-op on SQLite, where the caller holds the write gate).</summary>
    public async Task LockAsync(string userId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The upload quota is checked inside the transaction that saves the files.");
        }
        if (db.Database.IsNpgsql())
        {
            var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("upload-quota:" + userId)));
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
        }
    }

    /// <summary>
    /// Refuses a new draft when the applicant keeps as many unsubmitted drafts as allowed, or has started as many
    /// applications in the last 24 hours (discarded ones included).
    /// </summary>
    public async Task CheckNewDraftAsync(string userId, CancellationToken ct)
    {
        var max = Math.Max(1, Limits.MaxOpenDrafts);
        var drafts = await db.Cases.CountAsync(c => c.ApplicantUserId == userId && c.Status == CaseStatus.Draft && c.ParentCaseId == null, ct);
        if (drafts >= max)
        {
            throw new DomainRuleException("applicant.too-many-drafts",
                $"您已有 {drafts} 份未提交的草稿（最多 {max} 份）。请先提交或删除不需要的草稿，再新建申请。");
        }
        var perDay = Math.Max(1, Limits.MaxDraftsPerDay);
        var since = Since();
        var started = await db.Cases.CountAsync(c => c.ApplicantUserId == userId && c.ParentCaseId == null && c.CreatedAt >= since, ct);
        if (started >= perDay)
        {
            throw new DomainRuleException("applicant.daily-drafts",
                $"您在 24 小时内已新建 {started} 份申请（含已删除的草稿，最多 {perDay} 份）。请继续办理已有的申请，或稍后再新建。");
        }
    }

    /// <summary>Refuses uploads that would take the application or the applicant over their quota.</summary>
    public async Task CheckUploadsAsync(string userId, Case c, IReadOnlyList<Upload> uploads, CancellationToken ct)
    {
        if (uploads.Count == 0)
        {
            return;
        }
        var perCase = Math.Max(1, Limits.MaxFilesPerCase);
        var held = await db.CaseFiles.CountAsync(f => f.CaseId == c.Id && f.RemovedAt == null, ct);
        if (held + uploads.Count > perCase)
        {
            throw new DomainRuleException("file.case-quota", $"一件申请最多上传 {perCase} 个文件，已有 {held} 个，本次 {uploads.Count} 个。", "files");
        }
        var caseId = c.Id;
        var used = await db.CaseFiles
            .Where(f => f.RemovedAt == null && db.Cases.Any(x => x.Id == f.CaseId && x.ApplicantUserId == userId && (InApplicantsHands.Contains(x.Status) || x.Id == caseId)))
            .SumAsync(f => (long?)f.Length, ct) ?? 0;
        var adding = uploads.Sum(u => (long)u.Content.Length);
        if (used + adding > Limits.MaxBytesPerApplicant)
        {
            throw new DomainRuleException("file.applicant-quota",
                $"您尚未提交的申请中的文件合计不能超过 {Limits.MaxMegabytesPerApplicant} MB（已有 {Megabytes(used)} MB，本次 {Megabytes(adding)} MB）。请先提交申请或删除不需要的草稿。", "files");
        }
        // What went up in the last 24 hours, to applications kept, submitted or discarded alike, and files removed since.
        var since = Since();
        var today = await db.CaseFiles
            .Where(f => f.UploadedAt >= since && db.Cases.Any(x => x.Id == f.CaseId && x.ApplicantUserId == userId))
            .GroupBy(f => 1).Select(g => new { Files = g.Count(), Bytes = g.Sum(f => f.Length) }).FirstOrDefaultAsync(ct);
        var (filesToday, bytesToday) = (today?.Files ?? 0, today?.Bytes ?? 0L);
        var filesPerDay = Math.Max(1, Limits.MaxFilesPerApplicantPerDay);
        if (filesToday + uploads.Count > filesPerDay || bytesToday + adding > Limits.MaxBytesPerApplicantPerDay)
        {
            throw new DomainRuleException("file.daily-quota",
                $"您在 24 小时内上传的文件不能超过 {filesPerDay} 个、合计 {Limits.MaxMegabytesPerApplicantPerDay} MB（已上传 {filesToday} 个、{Megabytes(bytesToday)} MB，含已删除草稿中的文件；本次 {uploads.Count} 个、{Megabytes(adding)} MB）。请稍后再上传。", "files");
        }
    }

    private DateTime Since() => clock.GetUtcNow().UtcDateTime - Day;

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture);
}
