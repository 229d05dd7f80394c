namespace OneWindow.Domain;

/// <summary>
/// A broken business rule. <see cref="Code"/> is stable (e.g. <c>catalog.version-not-draft</c>) so that
/// clients and tests can rely on it; the message is for people.
/// </summary>
public sealed class DomainRuleException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
