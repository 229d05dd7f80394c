namespace OneWindow.Domain.Organization;

public enum RegionLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Town = 4,
    Village = 5,
}

/// <summary>
/// A 12-digit statistical division code (统计用区划代码): province 2, city 2, county 2, town 3, village 3.
/// Higher levels pad with zeros (e.g. county 431024000000).
/// </summary>
public readonly record struct RegionCode
{
    public string Value { get; }

    private RegionCode(string value) => Value = value;

    public static bool TryParse(string? text, out RegionCode code)
    {
        code = default;
        if (text is null)
        {
            return false;
        }
        var t = text.Trim();
        if (t.Length is 2 or 4 or 6 or 9)
        {
            t = t.PadRight(12, '0');
        }
        if (t.Length != 12 || !t.All(char.IsAsciiDigit) || t.StartsWith("00", StringComparison.Ordinal))
        {
            return false;
        }
        code = new RegionCode(t);
        return true;
    }

    public static RegionCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new DomainRuleException("region.code-invalid", $"'{text}' is not a 12-digit division code.");

    public RegionLevel Level =>
        Value[9..] != "000" ? RegionLevel.Village
        : Value[6..9] != "000" ? RegionLevel.Town
        : Value[4..6] != "00" ? RegionLevel.County
        : Value[2..4] != "00" ? RegionLevel.City
        : RegionLevel.Province;

    /// <summary>The code of the enclosing region, or null for a province.</summary>
    public RegionCode? Parent => Level switch
    {
        RegionLevel.Village => new RegionCode(Value[..9] + "000"),
        RegionLevel.Town => new RegionCode(Value[..6] + "000000"),
        RegionLevel.County => new RegionCode(Value[..4] + "00000000"),
        RegionLevel.City => new RegionCode(Value[..2] + "0000000000"),
        RegionLevel.Province => null,
        _ => throw new InvalidOperationException(),
    };

    public override string ToString() => Value;
}
