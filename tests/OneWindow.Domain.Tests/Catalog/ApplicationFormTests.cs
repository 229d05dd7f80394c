using OneWindow.Domain.Catalog;

namespace OneWindow.Domain.Tests.Catalog;

/// <summary>一表通: a guide's application form, answers checked against it, and a package's forms merged into one.</summary>
public class ApplicationFormTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    private static FormField F(string key, FormFieldType type = FormFieldType.Text, bool required = true, params string[] options) =>
        new() { Key = key, Label = key, Type = type, Required = required, Options = options };

    private static Dictionary<string, string?> A(params (string Key, string? Value)[] answers) => answers.ToDictionary(a => a.Key, a => a.Value);

    [Fact]
    public void Valid_answers_are_kept_in_their_normal_form()
    {
        var fields = new[]
        {
            F("enterprise.name"), F("enterprise.capital", FormFieldType.Number) with { Min = 0, Max = 1000 }, F("opened", FormFieldType.Date),
            F("type", FormFieldType.Choice, true, "个人经营", "家庭经营"), F("phone", FormFieldType.Phone), F("id", FormFieldType.IdNumber),
            F("code", FormFieldType.CreditCode), F("scope", FormFieldType.LongText),
        };
        var kept = ApplicationForm.Check(fields, A(("enterprise.name", "  临武县某某有限公司 "), ("enterprise.capital", "1,000"), ("opened", "2026-12-01"),
            ("type", "家庭经营"), ("phone", "0735 6361888"), ("id", "11010519491231002x"), ("code", "9135 0100 M000 100Y43"), ("scope", "餐饮服务\n食品销售")), complete: true, Today);
        Assert.Equal("临武县某某有限公司", kept["enterprise.name"]);
        Assert.Equal("1000", kept["enterprise.capital"]);
        Assert.Equal("07356361888", kept["phone"]);
        Assert.Equal("11010519491231002X", kept["id"]);
        Assert.Equal("91350100M000100Y43", kept["code"]);
        Assert.Equal("餐饮服务\n食品销售", kept["scope"]);
    }

    [Fact]
    public void Every_wrong_answer_is_reported_at_once_under_its_field()
    {
        var fields = new[]
        {
            F("name"), F("capital", FormFieldType.Number) with { Min = 0, Max = 100 }, F("day", FormFieldType.Date), F("kind", FormFieldType.Choice, true, "甲", "乙"),
            F("phone", FormFieldType.Phone), F("id", FormFieldType.IdNumber), F("code", FormFieldType.CreditCode), F("line"),
        };
        var e = Assert.Throws<DomainRuleException>(() => ApplicationForm.Check(fields,
            A(("capital", "101"), ("day", "2026/12/01"), ("kind", "丙"), ("phone", "电话"), ("id", "110105194912310021"), ("code", "91350100M000100Y44"), ("line", "一\n二"), ("unknown", "x")),
            complete: true, Today));
        Assert.Equal("case.form-invalid", e.Code);
        Assert.NotNull(e.Errors);
        Assert.Equal(["form.capital", "form.code", "form.day", "form.id", "form.kind", "form.line", "form.name", "form.phone", "form.unknown"], e.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("请填写", e.Errors["form.name"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_may_leave_required_fields_empty_but_not_answer_them_wrongly()
    {
        var fields = new[] { F("name"), F("capital", FormFieldType.Number) };
        Assert.Empty(ApplicationForm.Check(fields, A(("name", " ")), complete: false, Today));
        Assert.Throws<DomainRuleException>(() => ApplicationForm.Check(fields, A(("capital", "五十")), complete: false, Today));
        Assert.Throws<DomainRuleException>(() => ApplicationForm.Check(fields, A(), complete: true, Today));
    }

    [Fact]
    public void A_text_answer_longer_than_its_field_allows_is_refused()
    {
        var fields = new[] { F("name") with { MaxLength = 5 }, F("note", FormFieldType.LongText, required: false) };
        Assert.Throws<DomainRuleException>(() => ApplicationForm.Check(fields, A(("name", "六个字的名称")), complete: true, Today));
        Assert.Throws<DomainRuleException>(() => ApplicationForm.Check(fields, A(("name", "名"), ("note", new string('字', ApplicationForm.PageLength + 1))), complete: true, Today));
    }

    [Fact]
    public void A_package_asks_a_shared_field_once_required_if_any_member_requires_it()
    {
        var licence = new ServiceGuide { Name = "设立", LegalBasis = "x", Form = [F("enterprise.name", required: false), F("enterprise.capital", FormFieldType.Number)] };
        var tax = new ServiceGuide { Name = "涉税", LegalBasis = "x", Form = [F("enterprise.name"), F("finance.name")] };
        var merged = ApplicationForm.Merge([licence, tax]);
        Assert.Equal(["enterprise.name", "enterprise.capital", "finance.name"], merged.Select(f => f.Key));
        Assert.True(merged[0].Required);

        var answers = new Dictionary<string, string> { ["enterprise.name"] = "某某公司", ["enterprise.capital"] = "50", ["finance.name"] = "王五" };
        Assert.Equal(["enterprise.name", "finance.name"], ApplicationForm.For(tax, answers).Keys);
    }

    [Fact]
    public void Members_that_ask_one_key_differently_cannot_be_merged()
    {
        var a = new ServiceGuide { Name = "甲", LegalBasis = "x", Form = [F("kind", FormFieldType.Choice, true, "一", "二")] };
        var b = new ServiceGuide { Name = "乙", LegalBasis = "x", Form = [F("kind", FormFieldType.Choice, true, "一", "三")] };
        var c = new ServiceGuide { Name = "丙", LegalBasis = "x", Form = [F("kind", FormFieldType.Text)] };
        Assert.Single(ApplicationForm.Conflicts([("甲", a), ("乙", b)]));
        Assert.Single(ApplicationForm.Conflicts([("甲", a), ("丙", c)]));
        Assert.Empty(ApplicationForm.Conflicts([("甲", a), ("甲2", a)]));
    }

    [Theory]
    [InlineData("Enterprise.Name", "guide.form-key")]
    [InlineData("enterprise..name", "guide.form-key")]
    [InlineData("企业名称", "guide.form-key")]
    public void A_field_key_is_a_stable_machine_name(string key, string code) =>
        Assert.Contains(ApplicationForm.CheckDefinition([F(key)]), p => p.Code == code);

    [Fact]
    public void A_form_definition_that_cannot_be_answered_is_refused_even_in_a_draft()
    {
        var problems = GuideValidation.CheckShape(new ServiceGuide
        {
            Name = "x", LegalBasis = "x",
            Form =
            [
                F("a"), F("a"), F("choice", FormFieldType.Choice), F("text", FormFieldType.Text, true, "多余"),
                F("number", FormFieldType.Number) with { Min = 10, Max = 1 }, F("date", FormFieldType.Date) with { MaxLength = 10 }, F("label") with { Label = " " },
            ],
        }).Select(p => p.Code).ToList();
        Assert.Contains("guide.form-key-repeated", problems);
        Assert.Contains("guide.form-options", problems);
        Assert.Contains("guide.form-options-unused", problems);
        Assert.Contains("guide.form-bounds", problems);
        Assert.Contains("guide.form-max-length", problems);
        Assert.Contains("guide.form-label", problems);
    }
}
