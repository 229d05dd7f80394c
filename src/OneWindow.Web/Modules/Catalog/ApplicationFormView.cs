using OneWindow.Domain.Catalog;

namespace OneWindow.Web.Modules.Catalog;

/// <summary>
/// The application form (一表通) as a page shows it: the fields grouped as the guide groups them, the answers given so
/// far and the problems found, under the request names the page posts (<c>{Prefix}[enterprise.name]</c>). The window's
/// intake and the online application render it with the same partial, <c>_ApplicationForm</c>; the printed form uses
/// <c>_ApplicationFormPrint</c>.
/// </summary>
public sealed record ApplicationFormView(
    IReadOnlyList<FormField> Fields,
    IReadOnlyDictionary<string, string?> Values,
    IReadOnlyDictionary<string, string> Errors,
    string Prefix)
{
    /// <summary>The fields in the guide's order, grouped by their section; fields without a section come under 申请信息.</summary>
    public IEnumerable<IGrouping<string, FormField>> Groups => Fields.GroupBy(f => string.IsNullOrWhiteSpace(f.Group) ? "申请信息" : f.Group.Trim());

    public string NameOf(FormField field) => $"{Prefix}[{field.Key}]";

    public string IdOf(FormField field) => "form-" + field.Key.Replace('.', '-');

    public string? ValueOf(FormField field) => Values.TryGetValue(field.Key, out var v) ? v : null;

    public string? ErrorOf(FormField field) => Errors.TryGetValue(ApplicationForm.FieldOf(field.Key), out var e) ? e : null;

    /// <summary>
    /// The answers a page posted under <paramref name="prefix"/> (<c>Form[enterprise.name]</c>). Read from the form itself:
    /// model binding would fall back to every posted field when none carries the prefix (a form with no questions).
    /// </summary>
    public static Dictionary<string, string?> AnswersFrom(IFormCollection posted, string prefix) =>
        posted.Keys.Where(k => k.Length > prefix.Length + 2 && k.StartsWith(prefix + "[", StringComparison.Ordinal) && k.EndsWith(']'))
            .ToDictionary(k => k[(prefix.Length + 1)..^1], k => (string?)posted[k].ToString(), StringComparer.Ordinal);

    /// <summary>An empty form of these fields.</summary>
    public static ApplicationFormView Blank(IReadOnlyList<FormField> fields, string prefix) =>
        new(fields, new Dictionary<string, string?>(), new Dictionary<string, string>(), prefix);
}
