using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Applicants;

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
    /// <summary>How the result should reach the applicant; the page always sends one (window pickup preselected).</summary>
    public DeliveryMethod? Delivery { get; set; }
    public string? DeliveryAddress { get; set; }
    /// <summary>The answers to the application form (一表通) by field key, posted as <c>Form.Answers[key]</c>.</summary>
    public Dictionary<string, string?> Answers { get; set; } = [];

    /// <summary>The application as filled in; a file over the per-file limit is not read but listed as refused.</summary>
    public async Task<OnlineApplication> ToApplicationAsync(IFormFileCollection files, IReadOnlyList<string> materialNames, CancellationToken ct)
    {
        var (uploads, refused) = await OnlineUploads.ReadAsync(files, materialNames, ct);
        return new(ApplicantKind, EnterpriseName, CreditCode, Phone, uploads, Delivery is { } method ? DeliveryChoice.Of(method, DeliveryAddress) : null, refused) { Answers = Answers };
    }
}
