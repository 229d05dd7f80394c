namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// A scan or document handed in with a case (申请材料), kept as a <see cref="StoredFile"/> and named after the
/// guide's material it answers. Only the applicant and staff who may see the case can open it.
/// </summary>
public sealed class CaseFile
{
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public required string MaterialName { get; init; }
    public Guid StoredFileId { get; init; }
    public required string FileName { get; init; }
    public long Length { get; init; }
    public required string Sha256 { get; init; }
    public DateTime UploadedAt { get; init; }
    public required string UploadedBy { get; init; }
    /// <summary>
    /// When the applicant took the file out of a draft (its content is deleted then). The row stays, so that what
    /// was uploaded in a day is still counted; a removed file is listed and served to nobody.
    /// </summary>
    public DateTime? RemovedAt { get; set; }
}
