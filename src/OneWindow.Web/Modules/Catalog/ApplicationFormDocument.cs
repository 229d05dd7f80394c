using OneWindow.Domain.Catalog;

namespace OneWindow.Web.Modules.Catalog;

/// <summary>The application form (一表通) as a Word document: blank to print and fill in by hand, or with sample answers.</summary>
public static class ApplicationFormDocument
{
    /// <summary>The form's sections as document rows: one per question, labelled with its unit, long answers given room.</summary>
    public static IReadOnlyList<FormSection> Sections(IReadOnlyList<FormField> form, Func<string, string?> sample) =>
        [.. new ApplicationFormView(form, new Dictionary<string, string?>(), new Dictionary<string, string>(), "").Groups
            .Select(g => new FormSection(g.Key, [.. g.Select(f => new FormRow(
                f.Label + (f.Unit is null ? "" : "（" + f.Unit + "）"),
                sample(f.Key) ?? (f.Type == FormFieldType.Choice ? string.Join("　", f.Options.Select(o => "□" + o)) : ""),
                Tall: f.Type == FormFieldType.LongText))]))];
}
