using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Domain.Assessment;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Assessment;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Scratch;

public sealed class MeasureAssessment
{
    [Fact]
    public async Task Measure()
    {
        using var app = OneWindowFactory.WithSettings(new Dictionary<string, string> { ["Seed:DemoHistory"] = "true" });
        await app.SignedIn("leader");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        var assess = scope.ServiceProvider.GetRequiredService<AssessUnits>();
        var lines = new List<string> { $"cases {await db.Cases.CountAsync()}, ratings {await db.Ratings.CountAsync()}, alerts {await db.SupervisionAlerts.CountAsync()}" };
        foreach (var period in new[] { new AssessmentPeriod(PeriodKind.Month, 2026, 10), new AssessmentPeriod(PeriodKind.Quarter, 2026, 4), new AssessmentPeriod(PeriodKind.Quarter, 2026, 3) })
        {
            foreach (var kind in new[] { AssessedKind.Department, AssessedKind.Window })
            {
                var kept = (await assess.FactsFromKeptFiguresAsync(kind, period, default)).OrderBy(f => f.Key).ToList();
                var rec = (await assess.FactsFromRecordAsync(kind, period, default)).OrderBy(f => f.Key).ToList();
                var diffs = kept.Zip(rec).Where(p => p.First != p.Second).Select(p => $"  kept {p.First}\n  rec  {p.Second}").ToList();
                var w = Stopwatch.StartNew();
                for (var i = 0; i < 5; i++) await assess.FactsFromRecordAsync(kind, period, default);
                var r = w.Elapsed.TotalMilliseconds / 5;
                w.Restart();
                for (var i = 0; i < 5; i++) await assess.FactsFromKeptFiguresAsync(kind, period, default);
                var k = w.Elapsed.TotalMilliseconds / 5;
                lines.Add($"{period} {kind}: record {r:F1} ms, kept {k:F1} ms, ratio {r / k:F1}; {diffs.Count} units differ");
                lines.AddRange(diffs.Take(3));
            }
        }
        File.WriteAllLines("/tmp/h-reports-measure.txt", lines);
    }
}
