using OneWindow.Web.Modules.Accounts;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Applicants;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// The scans and documents handed in with a case: checked by content (not by the name's extension), at most
/// 10 MB each, kept in the database under generated ids, and served only to the applicant and to staff who may
/// see the case.
/// </summary>
/// <summary>A file for one of a case's materials, as the pages and the API hand it over.</summary>
public sealed record Upload(string Material, string FileName, byte[] Content)
{
    /// <summary>Reads the non-empty files of a form's inputs named <c>m{index}</c>, refusing an oversized one before reading it.</summary>
    public static async Task<IReadOnlyList<Upload>> FromFormAsync(IFormFileCollection files, IReadOnlyList<string> materialNames, CancellationToken ct)
    {
        var uploads = new List<Upload>();
        for (var i = 0; i < materialNames.Count; i++)
        {
            foreach (var file in files.GetFiles("m" + i).Where(f => !string.IsNullOrEmpty(f.FileName)))
            {
                if (file.Length > FileTypes.MaxBytes)
                {
                    throw new DomainRuleException("file.too-large", $"“{file.FileName}”过大（上限 10 MB）。", "files");
                }
                using var buffer = new MemoryStream((int)file.Length);
                await file.CopyToAsync(buffer, ct);
                uploads.Add(new Upload(materialNames[i], file.FileName, buffer.ToArray()));
            }
        }
        return uploads;
    }
}

public sealed class CaseFiles(OneWindowDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<UploadLimits> limits)
{
    /// <summary>No file system names a file longer than this; a longer name is not a real file's.</summary>
    public const int MaxFileName = 255;

    /// <summary>
    /// One limit on the files of one upload (<c>Uploads:MaxFilesPerUpload</c>) for every way files come in: the
    /// window's intake form, the online form and the applicants' API.
    /// </summary>
    public void CheckCount(int count)
    {
        var max = Math.Max(1, limits.Value.MaxFilesPerUpload);
        if (count > max)
        {
            throw new DomainRuleException("file.too-many", $"一次最多上传 {max} 个文件（本次 {count} 个）。", "files");
        }
    }

    /// <summary>Checks the number of files, then checks and stages each; the caller saves them with the case's action.</summary>
    public IReadOnlyList<CaseFile> AddAll(Case c, IReadOnlyList<Upload> uploads, Actor actor)
    {
        CheckCount(uploads.Count);
        return [.. uploads.Select(upload => Add(c, upload, actor))];
    }

    /// <summary>Checks and stages an upload for a material of the case; the caller saves it with the case's action.</summary>
    private CaseFile Add(Case c, Upload upload, Actor actor)
    {
        var content = upload.Content;
        var name = Path.GetFileName(upload.FileName ?? "").Trim();
        if (name.Length == 0)
        {
            throw new DomainRuleException("file.name-required", "文件缺少文件名。", "files");
        }
        if (content.Length == 0)
        {
            throw new DomainRuleException("file.empty", $"“{name}”是空文件。", "files");
        }
        if (content.Length > FileTypes.MaxBytes)
        {
            throw new DomainRuleException("file.too-large", $"“{name}”过大（上限 10 MB）。", "files");
        }
        if (string.IsNullOrWhiteSpace(upload.Material))
        {
            throw new DomainRuleException("file.material-required", "请说明文件对应哪一项材料。", "files");
        }
        CaseInput.CheckLength(upload.Material.Trim(), "files", CaseInput.ShortText);
        CaseInput.CheckLength(name, "files", MaxFileName);
        var type = FileTypes.Detect(content.AsSpan(0, Math.Min(16, content.Length)), name)
            ?? throw new DomainRuleException("file.type", $"“{name}”不是可接受的文件：仅限 PDF、Word、Excel、OFD 或图片。", "files");
        name = FileTypes.WithTrueExtension(name, type);
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = new StoredFile
        {
            Id = Guid.CreateVersion7(now),
            FileName = name,
            ContentType = type,
            Length = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            Purpose = StoredFile.CaseMaterial,
            UploadedBy = actor.Name,
            UploadedAt = now,
        };
        var file = new CaseFile
        {
            Id = Guid.CreateVersion7(now),
            CaseId = c.Id,
            MaterialName = upload.Material.Trim(),
            StoredFileId = stored.Id,
            FileName = stored.FileName,
            Length = stored.Length,
            Sha256 = stored.Sha256,
            UploadedAt = now,
            UploadedBy = actor.Name,
        };
        db.StoredFiles.Add(stored);
        db.CaseFiles.Add(file);
        return file;
    }

    public static Task<List<CaseFile>> ListAsync(OneWindowDbContext db, Guid caseId, CancellationToken ct) =>
        db.CaseFiles.AsNoTracking().Where(f => f.CaseId == caseId && f.RemovedAt == null).OrderBy(f => f.UploadedAt).Take(500).ToListAsync(ct);

    /// <summary>
    /// The files a case's handlers work from: its own, and for a part of a joint case the joint case's files of the
    /// materials its item asks for (the package was handed in once, at the joint case's window).
    /// </summary>
    public static async Task<List<CaseFile>> ForHandlingAsync(OneWindowDbContext db, Case c, CancellationToken ct)
    {
        var own = await ListAsync(db, c.Id, ct);
        if (c.ParentCaseId is not { } jointId || c.RequiredMaterials.Count == 0)
        {
            return own;
        }
        var materials = c.RequiredMaterials.ToList();
        var joint = await db.CaseFiles.AsNoTracking().Where(f => f.CaseId == jointId && materials.Contains(f.MaterialName))
            .OrderBy(f => f.UploadedAt).Take(500).ToListAsync(ct);
        return [.. joint, .. own];
    }


    /// <summary><c>GET /case-files/{id}</c>: the file, to the applicant and to staff in the case's scope; 404 to everyone else.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/case-files/{id:guid}", async (Guid id, HttpContext http, OneWindowDbContext db, UserManager<UserAccount> users, CancellationToken ct) =>
        {
            var file = await db.CaseFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id && f.RemovedAt == null, ct);
            var c = file is null ? null : await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == file.CaseId, ct);
            var user = await users.GetUserAsync(http.User);
            if (file is null || c is null || user is null || !(await MayOpenAsync(users, user, c) || await PartMayOpenAsync(db, users, user, c, file, ct)))
            {
                return Results.NotFound();
            }
            var stored = await db.StoredFiles.AsNoTracking().FirstAsync(f => f.Id == file.StoredFileId, ct);
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(stored.Content, stored.ContentType, stored.FileName);
        }).RequireAuthorization().ExcludeFromDescription();

    private static async Task<bool> MayOpenAsync(UserManager<UserAccount> users, UserAccount user, Case c)
    {
        var roles = await users.GetRolesAsync(user);
        if (roles.Contains(ApplicantRoles.Applicant))
        {
            return CaseOwnership.MaySee(user, c);
        }
        var staff = new CaseStaff(user, [.. roles]);
        return staff.IsCaseWorker && staff.MaySee(c);
    }

    /// <summary>A joint case's file, to the staff of a part whose item asks for that material (<see cref="ForHandlingAsync"/>).</summary>
    private static async Task<bool> PartMayOpenAsync(OneWindowDbContext db, UserManager<UserAccount> users, UserAccount user, Case joint, CaseFile file, CancellationToken ct)
    {
        if (!joint.IsJoint || user.DepartmentId is not { } department)
        {
            return false;
        }
        var staff = new CaseStaff(user, [.. await users.GetRolesAsync(user)]);
        if (!staff.IsCaseWorker)
        {
            return false;
        }
        var parts = await db.Cases.AsNoTracking().Where(p => p.ParentCaseId == joint.Id && p.DepartmentId == department).ToListAsync(ct);
        return parts.Any(p => p.RequiredMaterials.Contains(file.MaterialName, StringComparer.Ordinal));
    }
}
