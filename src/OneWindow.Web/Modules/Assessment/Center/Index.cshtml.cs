using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Domain.Assessment;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Assessment.Center;

/// <summary>绩效考核: the period's scores of departments, windows or staff, ranked, graded, each with its breakdown; exportable to Excel.</summary>
public sealed class IndexModel(AssessUnits assess, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public AssessedKind Kind { get; set; } = AssessedKind.Department;
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public AssessmentPeriod Chosen { get; private set; }
    public IReadOnlyList<UnitScore> Scores { get; private set; } = [];
    public AssessmentScheme Scheme { get; private set; } = AssessmentScheme.Default;
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scheme = assess.Scheme();
        Chosen = AssessmentPeriod.MonthOf(ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime));
        if (Period is not null)
        {
            if (AssessmentPeriod.TryParse(Period, out var chosen))
            {
                Chosen = chosen;
            }
            else
            {
                Error = Text.Translate("考核期应写作 2026-11（月度）、2026-Q4（季度）或 2026（年度）。");
            }
        }
        Scores = await assess.ScoreAsync(Kind, Chosen, ct);
    }

    public static string GradeText(Grade? g) => g is { } grade ? Text.Translate(AssessmentText.Zh(grade)) : "—";
}
