namespace OneWindow.Domain.Identifiers;

/// <summary>
/// The 18-character unified social credit code of GB 32100-2015: registration authority (1), organisation
/// type (1), administrative division (6), organisation code (9), check character (1). The check character is
/// MOD 31 over the first 17 characters with weights 3^i mod 31, on the alphabet 0–9 plus the letters without
/// I, O, Z, S, V.
/// </summary>
public static class UnifiedSocialCreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Removes spaces and hyphens and upper-cases, as codes are often printed in groups.</summary>
    public static string Normalize(string value) =>
        value.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    /// <summary>Checks form and check character. An error code explains what is wrong, or null when it is valid.</summary>
    public static string? Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "uscc.empty";
        }
        if (value.Length != 18)
        {
            return "uscc.length";
        }
        foreach (var c in value)
        {
            if (Alphabet.IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return "uscc.character";
            }
        }
        if (!IsDivisionCodeShape(value.AsSpan(2, 6)))
        {
            return "uscc.division";
        }
        return ComputeCheckCharacter(value.AsSpan(0, 17)) == value[17] ? null : "uscc.check-character";
    }

    public static bool IsValid(string? value) => Validate(value) is null;

    /// <summary>The check character for the first 17 characters.</summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Seventeen characters are needed.", nameof(first17));
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (v < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not in the GB 32100 alphabet.", nameof(first17));
            }
            sum += v * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }

    private static bool IsDivisionCodeShape(ReadOnlySpan<char> division)
    {
        foreach (var c in division)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }
}
