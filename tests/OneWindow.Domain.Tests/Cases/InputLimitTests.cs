using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;
using static OneWindow.Domain.Tests.Cases.CaseFixtures;

namespace OneWindow.Domain.Tests.Cases;

/// <summary>Text from people and other systems is bounded before it enters a case's permanent record.</summary>
public class InputLimitTests
{
    [Theory]
    [InlineData("13800000000")]
    [InlineData("138 0000 0000")]
    [InlineData("0735-6361888")]
    public void A_phone_of_digits_hyphens_and_spaces_is_taken(string phone) =>
        Assert.Equal(phone.Replace(" ", "", StringComparison.Ordinal), Applicant.Create(ApplicantKind.Person, "张三", "11010519491231002X", phone, new DateOnly(2026, 1, 1)).Phone);

    [Theory]
    [InlineData("1380000000O")] // a letter O typed for a zero: shown, not stripped into a ten-digit number
    [InlineData("+86 13800000000 转 123")]
    [InlineData("123456")]
    public void A_phone_with_other_characters_or_too_few_digits_is_refused(string phone) =>
        Assert.Equal("applicant.phone-invalid", Assert.Throws<DomainRuleException>(() => Applicant.Create(ApplicantKind.Person, "张三", "11010519491231002X", phone, new DateOnly(2026, 1, 1))).Code);

    [Fact]
    public void A_reason_or_a_list_beyond_its_limit_is_refused_and_the_case_is_unchanged()
    {
        var c = Received(Promised(), Bj(2025, 3, 3, 9));
        var tooLong = Assert.Throws<DomainRuleException>(() => c.RejectAtIntake(new string('理', CaseInput.LongText + 1), null, Clerk, Bj(2025, 3, 3, 10)));
        Assert.Equal(("input.too-long", "reason"), (tooLong.Code, tooLong.Field));
        var tooMany = Assert.Throws<DomainRuleException>(() => c.RequestCorrection([.. Enumerable.Range(0, CaseInput.MaxListItems + 1).Select(i => "材料" + i)], null, Clerk, Bj(2025, 3, 3, 10)));
        Assert.Equal(("input.too-many", "missing"), (tooMany.Code, tooMany.Field));
        var longName = Assert.Throws<DomainRuleException>(() => c.RequestCorrection([new string('材', CaseInput.ShortText + 1)], null, Clerk, Bj(2025, 3, 3, 10)));
        Assert.Equal("input.too-long", longName.Code);
        Assert.Equal(CaseStatus.Received, c.Status);
        Assert.Equal(1, c.EventCount);

        c.RequestCorrection([new string('材', CaseInput.ShortText), " 申请书 ", "", "申请书"], null, Clerk, Bj(2025, 3, 3, 10));
        Assert.Equal([new string('材', CaseInput.ShortText), "申请书"], c.MissingMaterials);
    }

    [Fact]
    public void A_result_number_is_a_line_not_a_page()
    {
        var c = Received(Instant(), Bj(2025, 3, 3, 9));
        Assert.Equal("input.too-long", Assert.Throws<DomainRuleException>(() => c.ConcludeInstantly(new string('9', CaseInput.ShortText + 1), Clerk, Bj(2025, 3, 3, 10), Days)).Code);
        c.ConcludeInstantly(new string('9', CaseInput.ShortText), Clerk, Bj(2025, 3, 3, 10), Days);
        Assert.Equal(CaseStatus.Concluded, c.Status);
    }

    [Fact]
    public void Even_a_draft_guide_refuses_an_unknown_role_a_negative_number_and_oversized_text()
    {
        var guide = Promised().Guide;
        var problems = GuideValidation.CheckShape(guide with
        {
            ProcessNodes = [new ProcessNode { Name = "受理", ActingRole = "Janitor" }],
            Materials = [new Material { Name = "申请书", Copies = -3 }],
            LegalBasis = new string('注', 4001),
            Keywords = [.. Enumerable.Range(0, 21).Select(i => "词" + i)],
        });
        Assert.Equal(["guide.keywords-too-long", "guide.node-role-unknown", "guide.number-out-of-range", "guide.text-too-long"], problems.Select(p => p.Code).Order(StringComparer.Ordinal));
        Assert.Empty(GuideValidation.CheckShape(guide));
        var item = ServiceItem.Create("T-SHAPE-1", guide, "t", Bj(2025, 1, 1));
        Assert.Throws<GuideInvalidException>(() => item.Draft!.Edit(guide with { LegalBasis = new string('注', 4001) }, "t", Bj(2025, 1, 2), null));
    }
}
