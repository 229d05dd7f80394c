namespace OneWindow.Web.Infrastructure;

/// <summary>
/// The count of one kind of try by one subject (wrong passwords for an account, codes sent to a phone…), kept by
/// <see cref="AttemptLimiter"/> in the database so that every app instance counts together.
/// </summary>
public sealed class Attempt
{
    /// <summary>The policy's scope and a hash of the subject (<c>signin-account:3f9a…</c>): no name, phone or address in clear.</summary>
    public required string Key { get; init; }

    /// <summary>Tries counted since the count was last forgotten.</summary>
    public int Count { get; set; }

    /// <summary>No further try before this instant; null while the free tries last.</summary>
    public DateTime? BlockedUntil { get; set; }

    /// <summary>The count is forgotten from this instant (the policy's window after the last counted try); the row may then go.</summary>
    public DateTime ForgetAt { get; set; }

    /// <summary>Moved on every write: two instances counting the same key at once cannot both write the same next count.</summary>
    public int Revision { get; set; }
}
