using OneWindow.Domain.Identifiers;

namespace OneWindow.Domain.Tests.Identifiers;

public class CheckCharacterTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    public static TheoryData<string, string, string> CreditCodeVectors()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in ReferenceData.ReadCsv("checkdigits/uscc_vectors.csv"))
        {
            data.Add(row["value"], row["expected"], row["note"]);
        }
        return data;
    }

    public static TheoryData<string, string, string> ResidentIdVectors()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in ReferenceData.ReadCsv("checkdigits/cn_resident_id_vectors.csv"))
        {
            data.Add(row["value"], row["expected"], row["note"]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CreditCodeVectors))]
    public void Unified_social_credit_codes_pass_or_fail_their_GB_32100_check(string value, string expected, string note)
    {
        var normalized = UnifiedSocialCreditCode.Normalize(value);
        switch (expected)
        {
            case "valid" or "valid_after_compaction":
                Assert.True(UnifiedSocialCreditCode.IsValid(normalized), note);
                break;
            case "invalid" or "invalid_checksum_but_legally_issued":
                Assert.False(UnifiedSocialCreditCode.IsValid(normalized), note);
                break;
            default:
                // "invalid(stdnum)": a letter registration-authority code that GB 32100 allows; only the check decides.
                Assert.Equal(UnifiedSocialCreditCode.ComputeCheckCharacter(normalized.AsSpan(0, 17)) == normalized[17], UnifiedSocialCreditCode.IsValid(normalized));
                break;
        }
    }

    [Fact]
    public void The_official_example_code_has_check_character_3()
    {
        Assert.Equal('3', UnifiedSocialCreditCode.ComputeCheckCharacter("91350100M000100Y4"));
        Assert.Equal("uscc.check-character", UnifiedSocialCreditCode.Validate("91350100M000100Y44"));
        Assert.Equal("uscc.character", UnifiedSocialCreditCode.Validate("9111000060003IOZSV"));
    }

    [Theory]
    [MemberData(nameof(ResidentIdVectors))]
    public void Resident_id_numbers_pass_or_fail_their_GB_11643_check(string value, string expected, string note)
    {
        Assert.Equal(expected == "valid", ResidentIdNumber.IsValid(ResidentIdNumber.Normalize(value), Today));
        _ = note;
    }

    [Fact]
    public void A_first_generation_number_converts_to_its_18_character_form()
    {
        Assert.Equal("150102198807303035", ResidentIdNumber.ConvertLegacy15To18("150102880730303"));
    }

    [Fact]
    public void Resident_id_numbers_are_masked_to_the_first_six_and_last_four()
    {
        Assert.Equal("110105********002X", ResidentIdNumber.Mask("11010519491231002X"));
    }
}
