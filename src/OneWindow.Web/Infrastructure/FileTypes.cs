namespace OneWindow.Web.Infrastructure;

/// <summary>
/// Which uploads are accepted, judged by their content and not their name: PDF, PNG, JPEG, the Office formats
/// (OOXML zip or legacy OLE2) and OFD (the Chinese fixed-layout format, a zip). Anything else is refused.
/// </summary>
public static class FileTypes
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The content type for an accepted file, or null when its content is not one of the accepted kinds.</summary>
    private static readonly Dictionary<string, string[]> Extensions = new()
    {
        ["application/pdf"] = [".pdf"], ["image/png"] = [".png"], ["image/jpeg"] = [".jpg", ".jpeg"],
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = [".docx"],
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = [".xlsx"], ["application/ofd"] = [".ofd"],
        ["application/msword"] = [".doc", ".wps"], ["application/vnd.ms-excel"] = [".xls", ".et"],
    };

    /// <summary>
    /// The name with an extension that tells the truth about the content: a PNG sent as "a.exe" is kept as
    /// "a.exe.png", so that whoever downloads it later opens an image, not whatever the name claimed.
    /// </summary>
    public static string WithTrueExtension(string fileName, string type) =>
        Extensions.TryGetValue(type, out var allowed) && !allowed.Contains(Path.GetExtension(fileName).ToLowerInvariant())
            ? fileName + allowed[0]
            : fileName;

    public static string? Detect(ReadOnlySpan<byte> head, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (head.StartsWith(Pdf)) return "application/pdf";
        if (head.StartsWith(Png)) return "image/png";
        if (head.StartsWith(Jpeg)) return "image/jpeg";
        if (head.StartsWith(Zip))
        {
            return extension switch
            {
                ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ".ofd" => "application/ofd",
                _ => null,
            };
        }
        if (head.StartsWith(Ole2))
        {
            return extension switch
            {
                ".doc" or ".wps" => "application/msword",
                ".xls" or ".et" => "application/vnd.ms-excel",
                _ => null,
            };
        }
        return null;
    }
}
