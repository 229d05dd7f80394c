using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Applicants;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Applicants.My;

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

    public async Task<OnlineApplication> ToApplicationAsync(IFormFileCollection files, IReadOnlyList<string> materialNames, CancellationToken ct) =>
        new(ApplicantKind, EnterpriseName, CreditCode, Phone, await Upload.FromFormAsync(files, materialNames, ct));
}
