using System.Globalization;

namespace OneWindow.Domain.Identifiers;

/// <summary>
/// The 18-digit citizen identification number of GB 11643-1999: address code (6), birth date (8), sequence (3,
/// odd for men), check character (ISO 7064 MOD 11-2, 'X' for 10). Residence permits of Hong Kong, Macao and
/// Taiwan residents (81/82/83) and the new foreign permanent-resident ID (9xx) use the same check.
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    // Province-level codes of GB/T 2260, plus 71 Taiwan and 81/82/83 for the residence permits.
    private static readonly HashSet<int> ProvinceCodes =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
    ];

    /// <summary>Removes spaces and makes a trailing 'x' upper-case, as clerks type it.</summary>
    public static string Normalize(string value) => value.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    /// <summary>
    /// An error code explaining what is wrong, or null when the number is valid on <paramref name="today"/>.
    /// Accepts the 18-character number and the first-generation 15-digit number (no check character).
    /// </summary>
    public static string? Validate(string? value, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "resident-id.empty";
        }
        if (value.Length == 15)
        {
            return ValidateLegacy15(value, today);
        }
        if (value.Length != 18)
        {
            return "resident-id.length";
        }
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return "resident-id.character";
            }
        }
        if (!char.IsAsciiDigit(value[17]) && value[17] != 'X')
        {
            return "resident-id.character";
        }
        if (!HasKnownProvince(value))
        {
            return "resident-id.region";
        }
        if (BirthDate(value) is not { } birth || birth > today || birth.Year < 1850)
        {
            return "resident-id.birth-date";
        }
        return ComputeCheckCharacter(value.AsSpan(0, 17)) == value[17] ? null : "resident-id.check-character";
    }

    /// <summary>The 18-character form of a valid first-generation 15-digit number (birth year 19yy).</summary>
    public static string ConvertLegacy15To18(string value)
    {
        if (value.Length != 15 || !value.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A 15-digit number is needed.", nameof(value));
        }
        var first17 = string.Concat(value.AsSpan(0, 6), "19", value.AsSpan(6));
        return first17 + ComputeCheckCharacter(first17);
    }

    private static string? ValidateLegacy15(string value, DateOnly today)
    {
        if (!value.All(char.IsAsciiDigit))
        {
            return "resident-id.character";
        }
        if (!HasKnownProvince(value))
        {
            return "resident-id.region";
        }
        var birth = BirthDate(string.Concat(value.AsSpan(0, 6), "19", value.AsSpan(6)));
        return birth is null || birth > today ? "resident-id.birth-date" : null;
    }

    // The foreign permanent-resident ID (2023) starts with 9 followed by the issuing province's code.
    private static bool HasKnownProvince(string value) =>
        value[0] == '9'
            ? ProvinceCodes.Contains((value[1] - '0') * 10 + (value[2] - '0'))
            : ProvinceCodes.Contains((value[0] - '0') * 10 + (value[1] - '0'));

    public static bool IsValid(string? value, DateOnly today) => Validate(value, today) is null;

    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    public static DateOnly? BirthDate(string value) =>
        value.Length >= 14 && DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    /// <summary>Masks all but the first six and the last four characters (110101********002X), for lists and logs.</summary>
    public static string Mask(string value) =>
        value.Length <= 10 ? new string('*', value.Length) : string.Concat(value.AsSpan(0, 6), new string('*', value.Length - 10), value.AsSpan(value.Length - 4));
}
