using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Domain;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Audit;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// A file of a work order (ADR 0036), kept as a <see cref="StoredFile"/> (purpose <see cref="Purpose"/>): what it is,
/// who added it for which unit and when, and the SHA-256 its step entered in the order's record.
/// </summary>
public sealed class WorkOrderFile
{
    public const string Purpose = "work-order-attachment";

    public Guid Id { get; init; }
    public Guid WorkOrderId { get; init; }
    public Guid StoredFileId { get; init; }
    public WorkOrderFileKind Kind { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Length { get; init; }
    public required string Sha256 { get; init; }
    public DateTime AddedAt { get; init; }
    public required string AddedBy { get; init; }
    /// <summary>The unit the file was added for (a reply's or a contribution's), none for the center and the public.</summary>
    public Guid? AddedByUnitId { get; init; }
}

internal sealed class WorkOrderFileConfiguration : IEntityTypeConfiguration<WorkOrderFile>
{
    public void Configure(EntityTypeBuilder<WorkOrderFile> b)
    {
        b.ToTable("WorkOrderFiles");
        b.Property(f => f.FileName).HasMaxLength(200);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.AddedBy).HasMaxLength(100);
        b.HasIndex(f => new { f.WorkOrderId, f.AddedAt });
    }
}

/// <summary>A file for a work order as the pages and the API hand it over, before it is checked.</summary>
public sealed record WorkOrderUpload(WorkOrderFileKind Kind, string? FileName, byte[] Content);

/// <summary>A file as the API takes it: <c>{kind, fileName, contentBase64}</c> (the kind where the step leaves a choice).</summary>
public sealed record WorkOrderFileRequest(string? FileName, string? ContentBase64, WorkOrderFileKind? Kind = null);

/// <summary>A file of an order as its viewer may see it (never the content; <c>href</c> downloads it).</summary>
public sealed record WorkOrderFileView(Guid Id, WorkOrderFileKind Kind, string FileName, string ContentType, long Length, DateTime AddedAt, string AddedBy, string? UnitName,
    string Href);

/// <summary>Files checked and ready to be entered with their step: staged in the step's write unit, or not at all.</summary>
public sealed class CheckedFiles
{
    internal List<(StoredFile Stored, WorkOrderFileKind Kind)> Files { get; } = [];
    public int Count => Files.Count;
    public static CheckedFiles None { get; } = new();
}

/// <summary>
/// 工单附件 (ADR 0036): the files of a work order, checked as case materials are (by content: PDF, Word, Excel, OFD or
/// images; 10 MB each), at most <see cref="WorkOrder.MaxFilesPerStep"/> a step and <see cref="WorkOrder.MaxFilesPerOrder"/>
/// an order. Every file is checked before its step runs, so a refused file saves nothing of the action it came with;
/// the files are staged in the step's write unit and entered in the order's record with their SHA-256.
/// </summary>
public sealed class WorkOrderFiles(OneWindowDbContext db, TimeProvider clock)
{
    /// <summary>A longer name is cut to this (the true extension added after); the name is only a label.</summary>
    public const int MaxFileName = 150;

    /// <summary>Reads a form's file inputs named <paramref name="input"/>, refusing an oversized file before reading it.</summary>
    public static async Task<IReadOnlyList<WorkOrderUpload>> FromFormAsync(IFormFileCollection? files, string input, WorkOrderFileKind kind, CancellationToken ct)
    {
        var uploads = new List<WorkOrderUpload>();
        var chosen = files?.GetFiles(input).Where(f => !string.IsNullOrEmpty(f.FileName)).ToList() ?? [];
        if (chosen.Count > WorkOrder.MaxFilesPerStep)
        {
            throw TooMany(chosen.Count);
        }
        foreach (var file in chosen)
        {
            if (file.Length > FileTypes.MaxBytes)
            {
                throw TooLarge(file.FileName);
            }
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            uploads.Add(new WorkOrderUpload(kind, file.FileName, buffer.ToArray()));
        }
        return uploads;
    }

    /// <summary>The API's files: Base64 content, the kind given or <paramref name="kind"/>; bad Base64 is 400 <c>hotline.file-malformed</c>.</summary>
    public static IReadOnlyList<WorkOrderUpload> FromApi(IReadOnlyList<WorkOrderFileRequest>? files, WorkOrderFileKind kind)
    {
        if (files is null || files.Count == 0)
        {
            return [];
        }
        if (files.Count > WorkOrder.MaxFilesPerStep)
        {
            throw TooMany(files.Count);
        }
        return [.. files.Select(f =>
        {
            if (f.ContentBase64 is null)
            {
                throw new DomainRuleException("hotline.file-malformed", "附件内容缺失。", "files");
            }
            if (f.ContentBase64.Length > (FileTypes.MaxBytes + 2) / 3 * 4 + 4)
            {
                throw TooLarge(f.FileName ?? ""); // not decoded: the Base64 of more than 10 MB
            }
            try
            {
                return new WorkOrderUpload(f.Kind ?? kind, f.FileName, Convert.FromBase64String(f.ContentBase64));
            }
            catch (FormatException)
            {
                throw new DomainRuleException("hotline.file-malformed", $"“{f.FileName}”的内容不是有效的 Base64。", "files");
            }
        })];
    }

    /// <summary>
    /// Checks each file (name, not empty, size, type by content, the step's count) and makes its stored copy; nothing is
    /// added to the context yet. Throws the first refusal: 413 <c>hotline.file-too-large</c>, 415 <c>hotline.file-type</c>,
    /// 400 <c>hotline.file-too-many</c>, <c>hotline.file-empty</c>, <c>hotline.file-name-required</c>.
    /// </summary>
    public CheckedFiles Check(IReadOnlyList<WorkOrderUpload> uploads, string addedBy)
    {
        if (uploads.Count == 0)
        {
            return CheckedFiles.None;
        }
        if (uploads.Count > WorkOrder.MaxFilesPerStep)
        {
            throw TooMany(uploads.Count);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var result = new CheckedFiles();
        foreach (var upload in uploads)
        {
            var name = Path.GetFileName((upload.FileName ?? "").Replace('\\', '/')).Trim();
            if (name.Length == 0)
            {
                throw new DomainRuleException("hotline.file-name-required", "附件缺少文件名。", "files");
            }
            if (name.Length > MaxFileName)
            {
                name = name[..(MaxFileName - 10)] + "…" + name[^9..];
            }
            if (upload.Content.Length == 0)
            {
                throw new DomainRuleException("hotline.file-empty", $"“{name}”是空文件。", "files");
            }
            if (upload.Content.Length > FileTypes.MaxBytes)
            {
                throw TooLarge(name);
            }
            if (!Enum.IsDefined(upload.Kind))
            {
                throw new DomainRuleException("hotline.file-kind-invalid", "请说明附件的类别。", "files");
            }
            var type = FileTypes.Detect(upload.Content.AsSpan(0, Math.Min(16, upload.Content.Length)), name)
                ?? throw new DomainRuleException("hotline.file-type", $"“{name}”不是可接受的文件：仅限 PDF、Word、Excel、OFD 或图片。", "files");
            result.Files.Add((new StoredFile
            {
                Id = Guid.CreateVersion7(now),
                FileName = FileTypes.WithTrueExtension(name, type),
                ContentType = type,
                Length = upload.Content.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(upload.Content)),
                Content = upload.Content,
                Purpose = WorkOrderFile.Purpose,
                UploadedBy = addedBy,
                UploadedAt = now,
            }, upload.Kind));
        }
        return result;
    }

    /// <summary>The number of files the order holds now (its count limit).</summary>
    public Task<int> CountAsync(Guid orderId, CancellationToken ct) => db.Set<WorkOrderFile>().CountAsync(f => f.WorkOrderId == orderId, ct);

    /// <summary>
    /// Inside the step's write unit, right after the step: enters the files in the order's record (the domain's rules of
    /// who adds which kind when, and the order's limit) and stages them to be saved with it.
    /// </summary>
    public void Attach(WorkOrder order, CheckedFiles files, int alreadyAttached, HotlineParty by, DateTime now)
    {
        if (files.Count == 0)
        {
            return;
        }
        var rows = files.Files.Select(f => new WorkOrderFile
        {
            Id = f.Stored.Id, WorkOrderId = order.Id, StoredFileId = f.Stored.Id, Kind = f.Kind, FileName = f.Stored.FileName, ContentType = f.Stored.ContentType,
            Length = f.Stored.Length, Sha256 = f.Stored.Sha256, AddedAt = now, AddedBy = by.Actor.Name, AddedByUnitId = by.UnitId,
        }).ToList();
        order.AttachFiles([.. rows.Select(r => new WorkOrderAttachment(r.Id, r.Kind, r.ContentType, r.Length, r.Sha256))], alreadyAttached, by, now);
        db.StoredFiles.AddRange(files.Files.Select(f => f.Stored));
        db.Set<WorkOrderFile>().AddRange(rows);
    }

    /// <summary>The files of an order this viewer may open, oldest first; the others are not listed at all (their names could name a confidential caller).</summary>
    public static async Task<IReadOnlyList<WorkOrderFileView>> ListAsync(OneWindowDbContext db, WorkOrder order, HotlineParty by, CancellationToken ct)
    {
        if (by == HotlineParty.Caller)
        {
            return [];
        }
        var files = await db.Set<WorkOrderFile>().AsNoTracking().Where(f => f.WorkOrderId == order.Id).OrderBy(f => f.AddedAt).ThenBy(f => f.Id)
            .Take(WorkOrder.MaxFilesPerOrder + 10).ToListAsync(ct);
        var visible = files.Where(f => order.MayOpenFile(by, f.Kind)).ToList();
        var units = await HotlineUnits.NamesAsync(db, visible.Where(f => f.AddedByUnitId is not null).Select(f => f.AddedByUnitId!.Value), ct);
        return [.. visible.Select(f => new WorkOrderFileView(f.Id, f.Kind, f.FileName, f.ContentType, f.Length, f.AddedAt, f.AddedBy,
            f.AddedByUnitId is { } u ? units.GetValueOrDefault(u) : null, $"/hotline/files/{f.Id}"))];
    }

    /// <summary>
    /// <c>GET /hotline/files/{id}</c> (and <c>/api/v1/hotline/files/{id}</c>): the file, as an attachment under its true
    /// extension, to the center and to the order's lead and co-handling units (not a confidential caller's files); 404 to
    /// everyone else alike, so that a file's existence is not told either.
    /// </summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var route in new[] { "/hotline/files/{id:guid}", "/api/v1/hotline/files/{id:guid}" })
        {
            var endpoint = app.MapGet(route, Download).RequireAuthorization(Policies.HotlineWork);
            if (route.StartsWith("/api", StringComparison.Ordinal))
            {
                endpoint.WithTags("Hotline").WithSummary("Download a file of an order (center; the order's lead and co-handling units, not a confidential caller's own files); 404 otherwise");
            }
            else
            {
                endpoint.ExcludeFromDescription();
            }
        }
    }

    private static async Task<IResult> Download(Guid id, HttpContext http, OneWindowDbContext db, UserManager<UserAccount> users, CancellationToken ct)
    {
        var file = await db.Set<WorkOrderFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        var order = file is null ? null : await db.Set<WorkOrder>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == file.WorkOrderId, ct);
        if (file is null || order is null || !order.MayOpenFile(await HotlineStaff.PartyAsync(http.User, users, db), file.Kind))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "附件不存在。", extensions: new Dictionary<string, object?> { ["code"] = "not-found" });
        }
        var stored = await db.StoredFiles.AsNoTracking().FirstAsync(f => f.Id == file.StoredFileId, ct);
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers["X-Content-Type-Options"] = "nosniff";
        return Results.File(stored.Content, stored.ContentType, FileTypes.WithTrueExtension(file.FileName, stored.ContentType));
    }

    private static DomainRuleException TooMany(int count) =>
        new("hotline.file-too-many", $"一次最多添加 {WorkOrder.MaxFilesPerStep} 个附件（本次 {count} 个）。", "files");

    private static DomainRuleException TooLarge(string name) =>
        new("hotline.file-too-large", $"“{name}”过大（每个附件不超过 {FileTypes.MaxBytes / 1024 / 1024} MB）。", "files");
}

/// <summary>
/// 补充附件: the center adds files to an open order on their own (a letter's scan that came later, a redacted copy of
/// a confidential caller's file for the unit); the twin of <c>POST /api/v1/hotline/orders/{id}/files</c>.
/// </summary>
public sealed class AddWorkOrderFiles(ActOnWorkOrder act, WorkOrderFiles files, OneWindowDbContext db, UserManager<UserAccount> users)
{
    public async Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, IReadOnlyList<WorkOrderUpload> uploads, CancellationToken ct)
    {
        if (uploads.Count == 0)
        {
            throw new DomainRuleException("hotline.file-required", "请选择要添加的附件。", "files");
        }
        var by = await HotlineStaff.PartyAsync(principal, users, db);
        var order = await act.LoadAsync(id, ct);
        HotlineStaff.EnsureMaySee(by, order);
        var checkedFiles = files.Check(uploads, principal.ActorName());
        var already = await files.CountAsync(id, ct);
        return await act.RunAsync(by, principal.ActorName(), order, revision, "files-added", (o, p, m) => files.Attach(o, checkedFiles, already, p, m.Now), ct);
    }
}
