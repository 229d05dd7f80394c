using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Applicants;

namespace OneWindow.Web.Modules.My;

/// <summary>
/// The fields of the online application form, shared by the new-application page and the draft page. Each material
/// has its own file input named <c>m{index}</c>, so the uploads arrive labelled by the guide's material.
/// </summary>
public sealed class OnlineForm
{
    public ApplicantKind ApplicantKind { get; set; } = ApplicantKind.Person;
    public string? EnterpriseName { get; set; }
    public string? CreditCode { get; set; }
    public string Phone { get; set; } = "";

    public OnlineApplication ToApplication(IFormFileCollection files, IReadOnlyList<string> materialNames) =>
        new(ApplicantKind, EnterpriseName, CreditCode, Phone, Uploads(files, materialNames));

    /// <summary>The non-empty files of each material's input (an untouched file input still posts an empty part).</summary>
    public static IReadOnlyList<(string Material, IFormFile File)> Uploads(IFormFileCollection files, IReadOnlyList<string> materialNames) =>
        [.. materialNames.SelectMany((name, i) => files.GetFiles("m" + i).Where(f => !string.IsNullOrEmpty(f.FileName)).Select(f => (name, f)))];
}
