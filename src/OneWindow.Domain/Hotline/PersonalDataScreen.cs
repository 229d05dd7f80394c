using System.Text;
using System.Text.RegularExpressions;
using OneWindow.Domain.Identifiers;

namespace OneWindow.Domain.Hotline;

/// <summary>What the screen knows of the caller and the place, from the order the typical text is written about.</summary>
public sealed record PersonalDataContext(string? CallerName, string? CallerPhone, string? Address, string? VillageName);

/// <summary>A piece of personal data found in a text: its kind and the reason people read.</summary>
public sealed record PersonalDataFinding(string Kind, string Reason);

/// <summary>
/// 个人信息识别: what a public text must not carry and the system can recognise (个人信息保护法 §4, §28: a phone number,
/// a resident ID and an exact address identify a person; a name with the matter does too). It finds the caller's name
/// and phone, any mobile number (11 digits, 1[3-9]…), any 18-character resident ID whose check character is right
/// (GB 11643, ISO 7064 MOD 11-2), the order's exact address, the village or community the order was filed in, and a
/// street number or a building, unit or room number. It cannot find everything: the staff write the text in their
/// own words, and this is the net under them.
/// </summary>
public static partial class PersonalDataScreen
{
    public static IReadOnlyList<PersonalDataFinding> Find(string? text, PersonalDataContext context)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var found = new List<PersonalDataFinding>();
        // Full-width digits and letters as ASCII, and without spaces, so "１３９ 0735 1234" is seen as the number it is.
        var plain = text.Normalize(NormalizationForm.FormKC);
        var compact = Compact(plain);
        if (context.CallerName is { } name && Compact(name) is { Length: >= 2 } n && compact.Contains(n, StringComparison.OrdinalIgnoreCase))
        {
            found.Add(new("caller-name", "来电人的姓名"));
        }
        var runs = DigitRun().Matches(plain).Select(m => new string([.. m.Value.Where(char.IsAsciiDigit)])).ToList();
        if (WorkOrder.CallerPhoneKey(context.CallerPhone) is { Length: >= 5 } phone && runs.Any(r => r.Contains(phone, StringComparison.Ordinal)))
        {
            found.Add(new("caller-phone", "来电人的电话号码"));
        }
        if (runs.Any(r => Mobile().IsMatch(r)))
        {
            found.Add(new("mobile", "手机号码"));
        }
        if (IdCandidate().Matches(compact).Any(m => ResidentIdNumber.ComputeCheckCharacter(m.Value.AsSpan(0, 17)) == char.ToUpperInvariant(m.Value[17])))
        {
            found.Add(new("resident-id", "身份证号码"));
        }
        if (context.Address is { } address && Compact(address.Normalize(NormalizationForm.FormKC)) is { Length: >= 4 } a && compact.Contains(a, StringComparison.Ordinal))
        {
            found.Add(new("address", "来电人的详细地址"));
        }
        if (context.VillageName is { Length: >= 2 } village && compact.Contains(Compact(village), StringComparison.Ordinal))
        {
            found.Add(new("village", "村（社区）名称"));
        }
        if (HouseNumber().IsMatch(compact))
        {
            found.Add(new("house-number", "门牌号或楼栋、单元、房间号"));
        }
        return found;
    }

    /// <summary>Refuses a text with personal data in it, naming what was found and the field.</summary>
    public static void Ensure(string? text, PersonalDataContext context, string field)
    {
        var found = Find(text, context);
        if (found.Count > 0)
        {
            throw new DomainRuleException("hotline.typical-personal-data",
                $"公开内容不能含有个人信息：发现{string.Join("、", found.Select(f => f.Reason))}。请用自己的话改写，地点只写到乡镇。", field);
        }
    }

    private static string Compact(string s) => new([.. s.Where(c => !char.IsWhiteSpace(c))]);

    // Digits with single spaces or hyphens between them ("139-0735-1234"), not inside a longer run of letters and digits.
    [GeneratedRegex(@"\d(?:[ \-]?\d)*")]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"^(?:86)?1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?![\dXx])")]
    private static partial Regex IdCandidate();

    [GeneratedRegex(@"(路|街|巷|弄|道|组)\d+号|\d+(栋|幢|单元|室)|\d+号(楼|院)|(村|社区)\d+组")]
    private static partial Regex HouseNumber();
}
