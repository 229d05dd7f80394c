using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Catalog;

/// <summary>Blank forms and samples attached to a guide's materials: stored once, served to anyone.</summary>
public sealed class GuideFiles(OneWindowDbContext db, WriteUnit unit, TimeProvider clock)
{
    /// <summary>Checks and stores an upload; the caller saves it with the guide in one unit of work.</summary>
    public async Task<StoredFile> AddAsync(IFormFile upload, string actor, CancellationToken ct)
    {
        if (upload.Length > FileTypes.MaxBytes)
        {
            throw new DomainRuleException("file.too-large", "文件过大（上限 10 MB）。");
        }
        using var buffer = new MemoryStream((int)upload.Length);
        await upload.CopyToAsync(buffer, ct);
        return Add(upload.FileName, buffer.ToArray(), actor);
    }

    /// <summary>The API's upload: checks and stores a blank form or sample on its own; a draft then names it by its id.</summary>
    public async Task<StoredFile> StoreAsync(string fileName, byte[] content, string actor, CancellationToken ct)
    {
        var file = Add(fileName, content, actor);
        await unit.SaveAsync(ct);
        return file;
    }

    private StoredFile Add(string fileName, byte[] content, string actor)
    {
        if (content.Length == 0)
        {
            throw new DomainRuleException("file.empty", "上传的文件是空的。");
        }
        if (content.Length > FileTypes.MaxBytes)
        {
            throw new DomainRuleException("file.too-large", "文件过大（上限 10 MB）。");
        }
        var name = Path.GetFileName(fileName ?? "");
        if (name.Length == 0)
        {
            throw new DomainRuleException("file.name-required", "请给出文件名。");
        }
        var type = FileTypes.Detect(content.AsSpan(0, Math.Min(16, content.Length)), name)
            ?? throw new DomainRuleException("file.type", $"“{name}”不是可接受的文件：仅限 PDF、Word、Excel、OFD 或图片。");
        var file = new StoredFile
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            FileName = name.Length > 200 ? name[^200..] : name,
            ContentType = type,
            Length = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            Purpose = StoredFile.GuideAttachment,
            UploadedBy = actor,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.StoredFiles.Add(file);
        return file;
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/files/{id:guid}", async (Guid id, OneWindowDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var file = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id && f.Purpose == StoredFile.GuideAttachment, ct);
            if (file is null)
            {
                return Results.NotFound();
            }
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.File(file.Content, file.ContentType, file.FileName);
        }).AllowAnonymous().ExcludeFromDescription(); // a published guide's templates and samples are public
}
