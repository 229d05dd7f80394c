using OneWindow.Domain;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Applicants;

/// <summary>A file of an online save that was not kept, and why, in words for the applicant (the other files of the save are kept).</summary>
public sealed record RefusedFile(string Material, string FileName, string Code, string Message)
{
    /// <summary>A file over the per-file limit, named with the limit, in the reader's language.</summary>
    public static RefusedFile TooLarge(string material, string fileName) =>
        new(material, fileName, "file.too-large", Text.Formatted("“{0}”过大（每个文件不超过 {1} MB），未保存。", fileName, FileTypes.MaxBytes / 1024 / 1024));

    public static RefusedFile Of(string material, string fileName, DomainRuleException e) =>
        e.Code == "file.too-large" ? TooLarge(material, fileName) : new(material, fileName, e.Code, Text.Translate(e.Message));

    /// <summary>What the page says about the files not kept: each with its reason, and that the rest was saved.</summary>
    public static string Summary(IReadOnlyList<RefusedFile> refused) =>
        Text.Formatted("以下文件未保存：{0} 其余内容已保存。请压缩、拆分或换一个文件后重新上传。", string.Join(" ", refused.Select(r => r.Message)));
}

/// <summary>What an online step did: the case as saved, and the files of the step that were not kept.</summary>
public sealed record OnlineResult(Domain.Cases.Case Case, IReadOnlyList<RefusedFile> Refused);

/// <summary>
/// The files of an online form: inputs named <c>m{index}</c>, one per material (or <c>r{fileId}</c>-style single
/// inputs read by the caller). A file over the per-file limit is not read at all; it is reported, and the others go on.
/// </summary>
public static class OnlineUploads
{
    public static async Task<(IReadOnlyList<Upload> Uploads, IReadOnlyList<RefusedFile> Refused)> ReadAsync(IFormFileCollection files,
        IReadOnlyList<string> materialNames, CancellationToken ct)
    {
        var uploads = new List<Upload>();
        var refused = new List<RefusedFile>();
        for (var i = 0; i < materialNames.Count; i++)
        {
            foreach (var file in files.GetFiles("m" + i).Where(f => !string.IsNullOrEmpty(f.FileName)))
            {
                if (await ReadOneAsync(file, materialNames[i], ct) is { } upload)
                {
                    uploads.Add(upload);
                }
                else
                {
                    refused.Add(RefusedFile.TooLarge(materialNames[i], file.FileName));
                }
            }
        }
        return (uploads, refused);
    }

    /// <summary>The file as an upload for the material, or null when it is over the per-file limit (not read).</summary>
    public static async Task<Upload?> ReadOneAsync(IFormFile file, string material, CancellationToken ct)
    {
        if (file.Length > FileTypes.MaxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return new Upload(material, file.FileName, buffer.ToArray());
    }
}
