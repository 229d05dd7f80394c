namespace OneWindow.Web.Infrastructure;

/// <summary>
/// A file kept in the database (so that every app instance serves it): the blank forms and samples of guides,
/// which are public, and the materials of cases, which are not. The content never changes; a new upload is a new file.
/// </summary>
public sealed class StoredFile
{
    public Guid Id { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Length { get; init; }
    public required string Sha256 { get; init; }
    public required byte[] Content { get; init; }
    public required string Purpose { get; init; }
    public required string UploadedBy { get; init; }
    public DateTime UploadedAt { get; init; }

    public const string GuideAttachment = "guide-attachment";
    /// <summary>An applicant's material: private to the case (see <see cref="CaseFile"/>).</summary>
    public const string CaseMaterial = "case-material";
}
