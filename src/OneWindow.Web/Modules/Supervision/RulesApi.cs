using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>A configured setting of a rule for one scope, with who set it.</summary>
public sealed record RuleSettingView(Guid Id, SupervisionRule Rule, RuleScope Scope, string ScopeKey, bool Enabled, AlertSeverity Severity, decimal Threshold,
    string UpdatedBy, DateTime UpdatedAt);

/// <summary>A built-in trigger with its shipped default and the settings that change it by scope.</summary>
public sealed record RuleView(SupervisionRule Rule, string RuleName, RuleKind Kind, AlertSeverity DefaultSeverity, ThresholdUnit Unit, decimal DefaultThreshold,
    decimal MinThreshold, decimal MaxThreshold, IReadOnlyList<RuleSettingView> Settings);

/// <summary>
/// A rule's switch, severity and threshold for a scope: <c>Default</c> (everywhere, no key), <c>Region</c> (a 12-digit
/// division code), <c>Department</c> (its id) or <c>Item</c> (its code). Setting it again replaces it.
/// </summary>
public sealed record RuleSettingRequest(SupervisionRule Rule, RuleScope Scope, bool Enabled, AlertSeverity Severity, decimal Threshold, string? ScopeKey = null);

/// <summary><c>/api/v1/supervision/rules</c>: the rules page (<c>/supervision/rules</c>) as an API, for supervisors, through <see cref="ConfigureRules"/>.</summary>
public static class RulesApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/supervision/rules").WithTags("Supervision").RequireAuthorization(Policies.Supervision);
        api.MapGet("/", List).WithSummary("Every supervision rule with its shipped default and the settings that change it by scope");
        api.MapPost("/settings", Set).WithSummary("Set a rule's switch, severity and threshold for everywhere, a region, a department or an item")
            .WithDescription("The item's setting wins over the department's, the department's over the region's, the region's over everywhere. It applies from the next action or sweep. 400 `supervision.threshold-invalid`, `supervision.scope-invalid` for `scopeKey`.");
        api.MapPost("/settings/{id:guid}/remove", Remove).WithSummary("Remove a setting: the next scope up applies again (204)");
    }

    private static async Task<Ok<IReadOnlyList<RuleView>>> List(ConfigureRules configure, CancellationToken ct)
    {
        var settings = await configure.ListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<RuleView>>([.. RuleCatalog.All.Select(d => new RuleView(d.Rule, SupervisionText.Of(d.Rule), d.Kind, d.DefaultSeverity, d.Unit,
            d.DefaultThreshold, d.MinThreshold, d.MaxThreshold, [.. settings.Where(s => s.Rule == d.Rule).Select(View)]))]);
    }

    private static async Task<Ok<RuleSettingView>> Set(RuleSettingRequest r, HttpContext http, ConfigureRules configure, CancellationToken ct) =>
        TypedResults.Ok(View(await configure.SaveAsync(http.User, r.Rule, r.Scope, r.ScopeKey, r.Enabled, r.Severity, r.Threshold, ct)));

    private static async Task<NoContent> Remove(Guid id, HttpContext http, ConfigureRules configure, CancellationToken ct)
    {
        await configure.DeleteAsync(http.User, id, ct);
        return TypedResults.NoContent();
    }

    private static RuleSettingView View(SupervisionRuleSetting s) => new(s.Id, s.Rule, s.Scope, s.ScopeKey, s.Enabled, s.Severity, s.Threshold, s.UpdatedBy, s.UpdatedAt);
}
