namespace OneWindow.Domain;

/// <summary>
/// A broken business rule. <see cref="Code"/> is stable (e.g. <c>case.not-received</c>) so that clients and tests
/// can rely on it; the message is for people. When <see cref="Field"/> is set the input itself is wrong (a missing
/// reason, an invalid number): the API answers 400 for that field; otherwise the action does not fit the state (409).
/// </summary>
public sealed class DomainRuleException(string code, string message, string? field = null) : Exception(message)
{
    public string Code { get; } = code;
    public string? Field { get; } = field;

    /// <summary>Every field found wrong at once, when a check reports more than one (an application form); the first is <see cref="Field"/>.</summary>
    public IReadOnlyDictionary<string, string>? Errors { get; init; }
}
