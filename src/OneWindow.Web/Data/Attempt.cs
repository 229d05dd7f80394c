namespace OneWindow.Web.Data;

/// <summary>
/// The count of one kind of try by one subject (wrong passwords for an account, codes sent to a phone…), kept by
/// <see cref="Infrastructure.AttemptLimiter"/> in the database so that every app instance counts together.
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

/// <summary>What a one-time code proves when it comes back.</summary>
public enum CodePurpose
{
    /// <summary>The phone of a sign-up: no account exists yet.</summary>
    SignUp = 1,

    /// <summary>An applicant's phone, verified or changed to: bound to the account that asked.</summary>
    Phone = 2,
}

/// <summary>
/// A six-digit code sent by SMS to prove that whoever asked holds the phone. Only a salted hash is kept; it expires,
/// allows a few tries, and is spent by its first right use. A newer code for the same phone and purpose replaces it.
/// </summary>
public sealed class OneTimeCode
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public CodePurpose Purpose { get; init; }
    public required string Phone { get; init; }

    /// <summary>The account that asked (phone verification and change); null for a sign-up.</summary>
    public string? UserId { get; init; }

    /// <summary>Random, per code (hex).</summary>
    public required string Salt { get; init; }

    /// <summary>SHA-256 of the salt, the purpose, the phone, the account and the code (hex).</summary>
    public required string Hash { get; init; }

    public DateTime CreatedAt { get; init; }
    public DateTime ExpiresAt { get; init; }
    public int TriesLeft { get; set; }

    /// <summary>When it was used, or replaced by a newer code; a spent code proves nothing.</summary>
    public DateTime? SpentAt { get; set; }
}
