using OneWindow.Domain;
using OneWindow.Domain.Hotline;

namespace OneWindow.Domain.Tests.Hotline;

/// <summary>What a category asks beyond the content (Open311's service definition) and how the answers are checked.</summary>
public class CategoryQuestionTests
{
    private static readonly CategoryQuestion[] Lamp =
    [
        new("POLE_NO", "路灯杆号", CategoryQuestionType.Line, false, 2),
        new("FACILITY", "哪类设施出了问题？", CategoryQuestionType.SingleValueList, true, 1, [new("LAMP", "路灯不亮"), new("COVER", "井盖缺失")]),
        new("POWER", "供电问题", CategoryQuestionType.MultiValueList, false, 3, [new("OUTAGE", "停电"), new("LINE", "线路隐患")]),
        new("HOUSEHOLDS", "户数", CategoryQuestionType.Number, false, 4),
        new("SINCE", "开始时间", CategoryQuestionType.Datetime, false, 5),
        new("NOTE", "危及安全请直接来电。", CategoryQuestionType.Text, false, 6, Variable: false),
    ];

    private static Dictionary<string, IReadOnlyList<string>> Given(params (string Code, string[] Values)[] answers) =>
        answers.ToDictionary(a => a.Code, a => (IReadOnlyList<string>)a.Values);

    [Fact]
    public void Answers_become_lines_in_the_questions_order_with_list_keys_named()
    {
        var lines = CategoryQuestion.Answer(CategoryQuestion.Validate(Lamp), Given(("POLE_NO", ["LW-0231"]), ("FACILITY", ["LAMP"]), ("POWER", ["OUTAGE", "LINE"]),
            ("HOUSEHOLDS", ["30"]), ("SINCE", ["2026-11-21T19:00:00+08:00"])));
        Assert.Equal(["哪类设施出了问题：路灯不亮", "路灯杆号：LW-0231", "供电问题：停电、线路隐患", "户数：30", "开始时间：2026-11-21T19:00:00+08:00"], lines);
    }

    [Theory]
    [InlineData("FACILITY", null, "hotline.attribute-required")]
    [InlineData("FACILITY", "BRIDGE", "hotline.attribute-value-unknown")]
    [InlineData("COLOUR", "red", "hotline.attribute-unknown")]
    [InlineData("NOTE", "an answer to a notice", "hotline.attribute-unknown")]
    [InlineData("HOUSEHOLDS", "thirty", "hotline.attribute-number")]
    [InlineData("SINCE", "yesterday evening", "hotline.attribute-datetime")]
    [InlineData("POLE_NO", "x201", "hotline.attribute-too-long")]
    public void A_wrong_answer_is_refused_naming_its_attribute(string code, string? value, string expected)
    {
        var given = Given(("FACILITY", ["LAMP"]));
        if (value is null)
        {
            given.Remove(code);
        }
        else
        {
            given[code] = [value == "x201" ? new string('x', 201) : value];
        }
        var e = Assert.Throws<DomainRuleException>(() => CategoryQuestion.Answer(Lamp, given));
        Assert.Equal(expected, e.Code);
        Assert.Equal($"attribute[{code}]", e.Field);
    }

    [Fact]
    public void A_single_value_question_takes_one_answer_a_multi_value_one_several()
    {
        var e = Assert.Throws<DomainRuleException>(() => CategoryQuestion.Answer(Lamp, Given(("FACILITY", ["LAMP", "COVER"]))));
        Assert.Equal("hotline.attribute-one-value", e.Code);
        Assert.Single(CategoryQuestion.Answer(Lamp, Given(("FACILITY", ["LAMP"]), ("POWER", ["OUTAGE"]))), l => l.StartsWith("供电问题", StringComparison.Ordinal));
    }

    [Fact]
    public void A_category_cannot_ask_with_duplicate_codes_a_list_without_values_or_values_on_a_line()
    {
        Assert.Equal("hotline.attribute-code-duplicate", Assert.Throws<DomainRuleException>(() =>
            CategoryQuestion.Validate([Lamp[0], Lamp[0] with { Order = 9 }])).Code);
        Assert.Equal("hotline.attribute-values-invalid", Assert.Throws<DomainRuleException>(() =>
            CategoryQuestion.Validate([Lamp[1] with { Values = [] }])).Code);
        Assert.Equal("hotline.attribute-values-invalid", Assert.Throws<DomainRuleException>(() =>
            CategoryQuestion.Validate([Lamp[0] with { Values = [new("A", "a")] }])).Code);
        Assert.Equal("hotline.attribute-code-invalid", Assert.Throws<DomainRuleException>(() =>
            CategoryQuestion.Validate([Lamp[0] with { Code = "pole no" }])).Code);
        Assert.Equal(["FACILITY", "POLE_NO"], CategoryQuestion.Validate([Lamp[0], Lamp[1]]).Select(q => q.Code));
    }

    [Fact]
    public void A_category_is_described_with_its_questions_checked()
    {
        var category = HotlineCategory.Create("CX.02", "市政设施与路灯", "CX", null, null, 1);
        category.Describe("  路灯不亮、井盖缺失  ", "路灯,井盖", Lamp);
        Assert.Equal("路灯不亮、井盖缺失", category.Description);
        Assert.Equal("FACILITY", category.Attributes[0].Code);
        Assert.Throws<DomainRuleException>(() => category.Describe(new string('路', 201), null, null));
    }
}
