namespace OneWindow.Web.Modules.Catalog;

/// <summary>
/// The printed application form (申请表): blank from the guide, or filled with a case's answers for the applicant to
/// check and sign at the window (<c>_ApplicationFormPrintout</c>).
/// </summary>
public sealed record ApplicationFormPrintout(string DepartmentName, string ItemName, ApplicationFormView Form)
{
    public string? CaseNumber { get; init; }
    /// <summary>Who applies, as the case names them (a founder, with the enterprise being registered in the answers).</summary>
    public string? Applicant { get; init; }
    /// <summary>The day the application was made (a filled form), printed above the signature.</summary>
    public DateOnly? Date { get; init; }
}
