using OneWindow.Domain.Calendar;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>
/// The figures as the live pages show them, with every name in the reader's language and every link worked out,
/// so that the script only copies text into place (the page renders the same rows without it).
/// </summary>
public sealed record LiveView(
    string At,
    int OpenTotal,
    int Reminders,
    int YellowCards,
    int RedCards,
    int IntakeToday,
    int ConcludedToday,
    string OnTimeRate,
    IReadOnlyList<LiveView.Row> Statuses,
    IReadOnlyList<LiveView.Row> Departments,
    IReadOnlyList<LiveView.Row> Items,
    IReadOnlyList<LiveView.Row> Windows,
    IReadOnlyList<LiveView.Row> Cards,
    IReadOnlyList<DayFigures> Trend,
    IReadOnlyList<LiveView.Row> Panels)
{
    /// <summary>One table row: its cells' text by field name and its link.</summary>
    public sealed record Row(IReadOnlyDictionary<string, string> Fields, string? Link, string? Css = null);

    public static LiveView From(DashboardFigures f, IReadOnlyDictionary<Guid, string> departmentNames) => new(
        ChinaTime.ToLocal(f.At).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        f.OpenTotal, f.Reminders, f.YellowCards, f.RedCards, f.IntakeToday, f.ConcludedToday,
        f.OnTimeRate is { } rate ? rate.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—",
        [.. f.OpenByStatus.Select(s => new Row(Fields(("status", CaseText.Of(s.Status)), ("count", s.Count)), $"/supervision/cases?status={s.Status}"))],
        [.. f.Departments.Select(d => new Row(Fields(("name", d.Name), ("open", d.Open), ("overdue", d.Overdue), ("intake", d.IntakeToday), ("concluded", d.ConcludedToday), ("yellow", d.Yellow), ("red", d.Red)),
            $"/supervision/cases?department={d.Id}", d.Red > 0 ? "row-red" : d.Yellow > 0 ? "row-yellow" : null))],
        [.. f.Items.Select(i => new Row(Fields(("code", i.Code), ("name", i.Name), ("open", i.Open)), $"/supervision/cases?item={Uri.EscapeDataString(i.Code)}"))],
        [.. f.Windows.Select(w => new Row(Fields(("number", w.Number), ("name", w.Venue is null ? Text.Translate(w.Name) : w.Venue + " · " + Text.Translate(w.Name)), ("served", w.ServedToday)), $"/supervision/cases?window={w.Id}"))],
        [.. f.LatestCards.Select(a => new Row(Fields(("severity", SupervisionText.Of(a.Severity)), ("rule", SupervisionText.Of(a.Rule)), ("case", a.SubjectNumber ?? "—"),
            ("department", departmentNames.GetValueOrDefault(a.DepartmentId) ?? ""), ("detail", a.Detail),
            ("clock", Clock(a.CaseNumber is { } n ? f.CardClocks.GetValueOrDefault(n) : null, f.At)), ("at", ChinaTime.ToLocal(a.TriggeredAt).ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            ("status", SupervisionText.Of(a.Status))), $"/workbench/alerts/{a.Id}", "row-" + a.Severity.ToString().ToLowerInvariant()))],
        f.Trend,
        [.. f.Panels.SelectMany(p => p.Figures.Select(x => new Row(Fields(("panel", Text.Translate(p.Title)), ("label", Text.Translate(x.Label)), ("value", x.Value)), x.Link,
            x.Alarm && x.Value > 0 ? "row-red" : null)))]);

    /// <summary>"承诺 11-30 · 法定 12-18", each marked when passed; "—" when no clock runs.</summary>
    private static string Clock(CardClock? clock, DateTime now)
    {
        string Part(string name, DateTime? due) => due is { } d
            ? Text.Formatted("{0} {1}", Text.Translate(name), ChinaTime.DateOf(d.AddTicks(-1)).ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture))
              + (now >= d ? Text.Translate("（已超期）") : "")
            : "";
        var parts = new[] { Part("承诺", clock?.PromisedDueAt), Part("法定", clock?.StatutoryDueAt) }.Where(p => p.Length > 0).ToList();
        return parts.Count == 0 ? "—" : string.Join(" · ", parts);
    }

    private static Dictionary<string, string> Fields(params (string Name, object Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => Convert.ToString(f.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
}
