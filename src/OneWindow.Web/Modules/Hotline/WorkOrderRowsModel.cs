namespace OneWindow.Web.Modules.Hotline;

/// <summary>The rows of an order list and whether to show the lead unit (the center's lists) or not (a unit's inbox).</summary>
/// <param name="Links">Whether each number links to the order's page (not for those who oversee without handling orders).</param>
public sealed record WorkOrderRowsModel(IReadOnlyList<WorkOrderRow> Rows, DateTime Now, bool ShowUnit, bool Links = true);
