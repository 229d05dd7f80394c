using OneWindow.Domain;
using OneWindow.Domain.Assessment;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Assessment;

/// <summary>绩效考核: scores by period, the page and the Excel export.</summary>
public static class AssessmentModule
{
    public static IServiceCollection AddAssessment(this IServiceCollection services) =>
        services.AddScoped<AssessUnits>().AuthorizePages("/Assessment/Center", Policies.Leadership);

    public static IEndpointRouteBuilder MapAssessment(this IEndpointRouteBuilder app)
    {
        app.MapGet("/supervision/assessment.xlsx", async (AssessedKind? kind, string? period, AssessUnits assess, CancellationToken ct) =>
        {
            if (!AssessmentPeriod.TryParse(period, out var chosen))
            {
                throw new DomainRuleException("assessment.period-invalid", "考核期应写作 2026-11（月度）、2026-Q4（季度）或 2026（年度）。", "period");
            }
            var what = kind ?? AssessedKind.Department;
            var scores = await assess.ScoreAsync(what, chosen, ct);
            var indicators = Enum.GetValues<Indicator>();
            var rows = new List<IReadOnlyList<object?>>
            {
                new object?[] { "排名", AssessmentText.Of(what), "得分", "等次" }.Concat(indicators.Select(i => (object?)AssessmentText.Zh(i))).Concat(indicators.Select(i => (object?)(AssessmentText.Zh(i) + "依据"))).ToList(),
            };
            rows.AddRange(scores.Select(u => (IReadOnlyList<object?>)new object?[] { u.Rank is { } r ? (object)r : "—", u.Name, u.Total is { } t ? (object)t : "—", u.Grade is { } g ? AssessmentText.Zh(g) : "—" }
                .Concat(indicators.Select(i => u.Breakdown.FirstOrDefault(b => b.Indicator == i) is { } b ? (object?)b.Points : "—"))
                .Concat(indicators.Select(i => (object?)u.Breakdown.FirstOrDefault(b => b.Indicator == i)?.Basis)).ToList()));
            var file = Xlsx.Write($"绩效考核 {chosen}", rows);
            return Results.File(file, Xlsx.ContentType, $"assessment-{what.ToString().ToLowerInvariant()}-{chosen}.xlsx");
        }).RequireAuthorization(Policies.Leadership).ExcludeFromDescription();
        return app;
    }
}
