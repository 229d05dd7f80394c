namespace OneWindow.Web.Infrastructure;

/// <summary>The thing asked for does not exist (404 in the API, a not-found page in the UI).</summary>
public sealed class NotFoundException(string message) : Exception(message);
