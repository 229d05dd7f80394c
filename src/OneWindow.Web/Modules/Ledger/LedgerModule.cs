using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Statistics;

namespace OneWindow.Web.Modules.Ledger;

/// <summary>
/// 服务台帐: every service at a town hall's or village room's counter (consultations and help entered there,
/// applications taken in there by a case hook), its kept daily figures, and the assessment of the two tiers.
/// </summary>
public static class LedgerModule
{
    public static IServiceCollection AddLedger(this IServiceCollection services) =>
        services.AddScoped<RecordService>().AddScoped<ListLedger>().AddScoped<TierAssessment>()
            .AddScoped<Cases.ICaseHook, LedgerCaseHook>()
            .AuthorizePages("/Ledger/Counter", Policies.Staff)
            .AuthorizePages("/Ledger/Tiers", Policies.Statistics);

    public static IEndpointRouteBuilder MapLedger(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/ledger").WithTags("Service ledger");
        var counter = api.MapGroup("").RequireAuthorization(Policies.Staff);
        counter.MapGet("/", List).WithSummary("A day of the signed-in clerk's or agent's venue's ledger, newest first, 30 a page (`day` yyyy-MM-dd, default today; `after`: the previous page's `next`)")
            .WithDescription("403 `ledger.not-a-tier-venue` for staff of the county center. Applicants' names and phones are masked.");
        counter.MapPost("/", Record).WithSummary("Enter a service at the counter: `kind` (Consultation 咨询登记, Help 代办帮办), `outcome` (Answered, Done, Referred, FollowUp), `itemCode` (optional), `summary`, `applicantName` and `applicantPhone` (optional)")
            .WithDescription("Applications taken in at the counter enter the ledger by themselves (kind `Intake`, outcome `TakenIn`); entering one by hand is 409 `ledger.intake-by-case`. 400 `ledger.summary-required` (no summary and no item), `ledger.summary-too-long`, `ledger.phone-invalid`, `catalog.item-unknown`; 403 `ledger.not-a-tier-venue`.");
        api.MapGet("/assessment", Assess).RequireAuthorization(Policies.Statistics)
            .WithSummary("The assessment of town halls and village rooms over a `period` (2026-11, 2026-Q4, 2026, a..b): each town hall with its villages rolled up, or with `town` (its code) the town's hall and village rooms")
            .WithDescription("From the kept figures only: 受理量, 办结量, 按期办结率, 超期件 of the cases taken in at each venue (as the statistics report defines them) and the ledger's 台帐服务量, 咨询登记, 代办帮办; ranked by ledger services, then cases received, then on-time rate. 400 `statistics.period-invalid`.");
        return app;
    }

    private static async Task<Ok<LedgerPage>> List(DateOnly? day, string? after, HttpContext http, ListLedger list, CancellationToken ct) =>
        TypedResults.Ok(await list.RunAsync(http.User, day, after, ct));

    private static async Task<Created<LedgerEntryView>> Record(LedgerRequest request, HttpContext http, RecordService record, CancellationToken ct)
    {
        var entry = await record.RunAsync(http.User, request, ct);
        return TypedResults.Created($"/api/v1/ledger?day={entry.At:yyyy-MM-dd}", entry);
    }

    private static async Task<Ok<TierAssessmentResult>> Assess(string? period, string? town, TierAssessment assessment, TimeProvider clock, Data.OneWindowDbContext db, CancellationToken ct)
    {
        var p = TierPeriods.Parse(period, clock);
        return TypedResults.Ok(await assessment.RunAsync(p, await TierPeriods.CountyAsync(db, ct), town, ct));
    }
}

/// <summary>The period and county an assessment is asked for.</summary>
public static class TierPeriods
{
    /// <summary>The period named (any form <see cref="ReportPeriod.TryParse"/> reads); this month when none; 400 <c>statistics.period-invalid</c> otherwise.</summary>
    public static ReportPeriod Parse(string? text, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            var today = Domain.Calendar.ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
            return ReportPeriod.Month(today.Year, today.Month);
        }
        return ReportPeriod.TryParse(text, out var p) ? p : throw new Domain.DomainRuleException("statistics.period-invalid", "统计期间格式不正确（如 2026-11、2026-Q4、2026、2026-10-01..2026-12-31）。", "period");
    }

    /// <summary>The county of the deployment: the county center's region.</summary>
    public static async Task<string> CountyAsync(Data.OneWindowDbContext db, CancellationToken ct) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.Venues.Where(v => v.Tier == Domain.Organization.VenueTier.CountyCenter).OrderBy(v => v.RegionCode).Select(v => v.RegionCode), ct) ?? "000000000000";
}
