namespace OneWindow.Web.Infrastructure;

/// <summary>The signed-in person may not act on this record (another venue's or department's case): 403.</summary>
public sealed class ForbiddenException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
