using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>One figure another module adds to the supervision dashboard and the big screen: a label (Chinese, translated when shown), a count, and where the list behind it is.</summary>
/// <param name="Alarm">A figure that should be zero (something overdue): marked red when it is not.</param>
public sealed record PanelFigure(string Label, int Value, string? Link, bool Alarm = false);

/// <summary>A module's figures under its heading (<c>12345 热线</c>).</summary>
public sealed record FigurePanel(string Title, IReadOnlyList<PanelFigure> Figures);

/// <summary>
/// Figures of records supervision does not own (the hotline's work orders, ADR 0028), computed with the dashboard's
/// own figures — at most once per interval per host — from indexed queries or kept counters, never a table read. A
/// module registers its panel as a singleton in its <c>AddX</c>; the figures are aggregates only, fit for the public big screen.
/// </summary>
public interface IDashboardPanel
{
    Task<FigurePanel> ComputeAsync(OneWindowDbContext db, DateTime now, CancellationToken ct);
}
