namespace OneWindow.Web.Modules.Accounts;

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
