using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;
using static OneWindow.Domain.Tests.Cases.CaseFixtures;

namespace OneWindow.Domain.Tests.Cases;

/// <summary>一表通 on a case: the answers are checked at receipt and submission, kept, bound into the record and shared by a package's parts.</summary>
public class ApplicationFormCaseTests
{
    private static readonly Actor Citizen = new("u-citizen", "张三", "Applicant");

    private static readonly FormField Name = new() { Key = ApplicationForm.EnterpriseNameKey, Label = "企业名称", Required = true };
    private static readonly FormField Capital = new() { Key = "enterprise.capital", Label = "注册资本", Type = FormFieldType.Number, Required = true, Unit = "万元" };
    private static readonly FormField Finance = new() { Key = "finance.name", Label = "财务负责人", Required = true };

    private static ServiceItemVersion WithForm(ServiceItemVersion version, params FormField[] form)
    {
        typeof(ServiceItemVersion).GetProperty(nameof(ServiceItemVersion.Guide))!.SetValue(version, version.Guide with { Form = form });
        return version;
    }

    private static Dictionary<string, string?> Answers(params (string Key, string Value)[] answers) => answers.ToDictionary(a => a.Key, a => (string?)a.Value);

    private static Case Receive(ServiceItemVersion version, Dictionary<string, string?>? form) =>
        Case.Receive("431025-20261201-00001", CaseTemplate.ForItem(version), Person, CaseChannel.Window, null, "431025000000", ["申请书"], Clerk, Bj(2026, 12, 1), Days, form: form);

    [Fact]
    public void A_window_cannot_register_an_application_whose_form_is_incomplete()
    {
        var version = WithForm(Promised(), Name, Capital);
        var e = Assert.Throws<DomainRuleException>(() => Receive(version, Answers((Name.Key, "临武县某某有限公司"))));
        Assert.Equal("case.form-invalid", e.Code);
        Assert.Equal("form.enterprise.capital", e.Field);
    }

    [Fact]
    public void The_answers_are_kept_and_the_record_binds_them_without_holding_them()
    {
        var c = Receive(WithForm(Promised(), Name, Capital), Answers((Name.Key, "临武县某某有限公司"), (Capital.Key, "50.0"))).Sealed();
        Assert.Equal("临武县某某有限公司", c.EnterpriseName);
        Assert.Equal("50.0", c.FormAnswers[Capital.Key]);
        var received = c.NewEvents.Single();
        Assert.Contains(CaseEvent.FormSealProperty, received.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("临武县某某有限公司", received.Data, StringComparison.Ordinal); // a digest, not the answers

        typeof(Case).GetProperty(nameof(Case.FormAnswers))!.SetValue(c, new Dictionary<string, string> { [Name.Key] = "别的公司", [Capital.Key] = "50.0" });
        var result = CaseRecordCheck.Verify(c, c.NewEvents, Keys);
        Assert.False(result.IsIntact);
        Assert.Contains("申请表", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_slipped_into_a_case_that_answered_no_form_are_caught()
    {
        var c = Receive(Promised(), null).Sealed();
        Assert.Empty(c.FormAnswers);
        typeof(Case).GetProperty(nameof(Case.FormAnswers))!.SetValue(c, new Dictionary<string, string> { [Name.Key] = "某某公司" });
        Assert.Contains("申请表", CaseRecordCheck.Verify(c, c.NewEvents, Keys).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_online_draft_saves_what_is_answered_and_submission_asks_for_the_rest()
    {
        var version = WithForm(Promised(), Name, Capital);
        var template = CaseTemplate.ForItem(version);
        var c = Case.StartDraft(template, Person, Citizen, null, "431025000000", Bj(2026, 12, 1, 9));
        c.SaveDraft(Person, [], Citizen, Bj(2026, 12, 1, 9, 5), form: new FormFilled(template.Form, Answers((Name.Key, "临武县某某有限公司"))));
        Assert.Equal("临武县某某有限公司", c.EnterpriseName);

        var e = Assert.Throws<DomainRuleException>(() => c.Submit("431025-20261201-00002", ["申请书"], Citizen, Bj(2026, 12, 1, 9, 10), Days, template.Form));
        Assert.Equal("form.enterprise.capital", e.Field);
        Assert.Equal(CaseStatus.Draft, c.Status);

        c.SaveDraft(Person, [], Citizen, Bj(2026, 12, 1, 9, 12), form: new FormFilled(template.Form, Answers((Name.Key, "临武县某某有限公司"), (Capital.Key, "30"))));
        var events = c.NewEvents.Count;
        c.SaveDraft(Person, [], Citizen, Bj(2026, 12, 1, 9, 13), form: new FormFilled(template.Form, Answers((Capital.Key, "30"), (Name.Key, " 临武县某某有限公司 "))));
        Assert.Equal(events, c.NewEvents.Count); // the same answers again: nothing changed, nothing recorded
        c.Submit("431025-20261201-00002", ["申请书"], Citizen, Bj(2026, 12, 1, 9, 15), Days, template.Form);
        Assert.Equal(CaseStatus.Submitted, c.Status);
        Assert.True(SealAndVerify(c).IsIntact);
    }

    [Fact]
    public void A_package_asks_shared_questions_once_and_each_part_keeps_the_answers_to_its_own()
    {
        var licence = WithForm(Promised(), Name, Capital);
        var tax = WithForm(Promised(), Name, Finance);
        var at = Bj(2026, 12, 1);
        var combined = CombinedItem.Create("YJS-T", "t", at);
        combined.Edit("开办测试一件事", "", [licence.ItemCode, tax.ItemCode], licence.DepartmentId, 3, DeliveryMethods.WindowPickup, [], "t", at);
        combined.Publish(new Dictionary<string, Guid> { [licence.ItemCode] = licence.DepartmentId, [tax.ItemCode] = tax.DepartmentId }, "t", at);
        var template = CaseTemplate.ForCombined(combined, [licence, tax]);
        Assert.Equal([Name.Key, Capital.Key, Finance.Key], template.Form.Select(f => f.Key));

        var c = Case.Receive("J-1", template, Person, CaseChannel.Window, null, "431025000000", template.RequiredMaterials, Clerk, at, Days,
            form: Answers((Name.Key, "临武县某某有限公司"), (Capital.Key, "50"), (Finance.Key, "王五")));
        c.Accept(Clerk, at, Days);
        var parts = c.FanOut([licence, tax], at, Days);
        Assert.Equal([Capital.Key, Name.Key], parts[0].FormAnswers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([Name.Key, Finance.Key], parts[1].FormAnswers.Keys.Order(StringComparer.Ordinal));
        Assert.All(parts, p => Assert.Equal("临武县某某有限公司", p.EnterpriseName));
        Assert.True(SealAndVerify(c).IsIntact);
        Assert.All(parts, p => Assert.True(SealAndVerify(p).IsIntact));
    }

    [Fact]
    public void Members_that_ask_one_question_differently_cannot_be_opened_as_one_package()
    {
        var a = WithForm(Promised(), Capital);
        var b = WithForm(Promised(), Capital with { Type = FormFieldType.Text });
        var at = Bj(2026, 12, 1);
        var combined = CombinedItem.Create("YJS-C", "t", at);
        combined.Edit("冲突一件事", "", [a.ItemCode, b.ItemCode], a.DepartmentId, 3, DeliveryMethods.WindowPickup, [], "t", at);
        combined.Publish(new Dictionary<string, Guid> { [a.ItemCode] = a.DepartmentId, [b.ItemCode] = b.DepartmentId }, "t", at);
        Assert.Equal("combined.form-conflict", Assert.Throws<DomainRuleException>(() => CaseTemplate.ForCombined(combined, [a, b])).Code);
    }
}
