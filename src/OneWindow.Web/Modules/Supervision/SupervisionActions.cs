namespace OneWindow.Web.Modules.Supervision;

/// <summary>
/// The names of the actions on alerts and notices, as the API lists them in <c>availableActions</c> and routes them
/// (<c>/api/v1/supervision/alerts/{id}/answer</c>), and as the pages decide which forms to show.
/// </summary>
public static class SupervisionActions
{
    public const string Answer = "answer";
    public const string Close = "close";
    public const string SendBack = "send-back";
    public const string Reply = "reply";
}
