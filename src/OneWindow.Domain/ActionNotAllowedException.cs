namespace OneWindow.Domain;

/// <summary>
/// The person's role may not take this action (a window clerk terminating a case, a reviewer accepting at intake).
/// Unlike a <see cref="DomainRuleException"/>, no other input or state would make it acceptable for them: the API
/// answers 403 with <see cref="Code"/>.
/// </summary>
public sealed class ActionNotAllowedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
