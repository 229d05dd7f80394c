using OneWindow.Domain;
using OneWindow.Domain.Catalog;

namespace OneWindow.Domain.Tests.Catalog;

/// <summary>零跑腿 and 全程网办 are claims about the process: a guide making them must be doable online without a visit.</summary>
public class GuideClaimsTests
{
    private static readonly ServiceGuide Online = new()
    {
        Name = "个体工商户登记",
        LegalBasis = "《促进个体工商户发展条例》",
        DepartmentId = Guid.NewGuid(),
        LimitKind = LimitKind.Instant,
        Materials = [new Material { Name = "登记申请书", Form = MaterialForm.Electronic }, new Material { Name = "经营者身份证明", Form = MaterialForm.Copy }],
        ProcessNodes = [new ProcessNode { Name = "受理", ActingRole = StaffRoles.WindowClerk }],
        ConsultationPhone = "0735-6360000",
        SupervisionPhone = "12345",
        HandlingAddress = "政务服务中心",
        ResultName = "营业执照",
        HallVisits = HallVisits.Zero,
        OnlineDepth = OnlineDepth.FullyOnline,
        DeliveryMethods = DeliveryMethods.Electronic | DeliveryMethods.WindowPickup,
    };

    private static IEnumerable<string> Codes(ServiceGuide g) => GuideValidation.Check(g).Select(p => p.Code);

    [Fact]
    public void A_consistent_no_visit_guide_passes() => Assert.Empty(GuideValidation.Check(Online));

    [Fact]
    public void Zero_visits_needs_fully_online_and_fully_online_needs_zero_visits()
    {
        Assert.Equal(["guide.zero-visits-not-online"], Codes(Online with { OnlineDepth = OnlineDepth.OnlinePreReview }));
        Assert.Equal(["guide.online-with-visits"], Codes(Online with { HallVisits = HallVisits.AtMostOnce }));
        // Neither claim: nothing to check about visits.
        Assert.Empty(Codes(Online with { HallVisits = HallVisits.AtMostOnce, OnlineDepth = OnlineDepth.OnlinePreReview, DeliveryMethods = DeliveryMethods.WindowPickup,
            Materials = [new Material { Name = "申请书", Form = MaterialForm.OriginalAndCopy }] }));
    }

    [Fact]
    public void A_no_visit_guide_delivers_without_a_visit_and_asks_for_no_paper_original()
    {
        Assert.Equal(["guide.no-visit-pickup-only"], Codes(Online with { DeliveryMethods = DeliveryMethods.WindowPickup }));
        Assert.Equal(["Materials[1].Form", "Materials[2].Form"], GuideValidation.Check(Online with
        {
            Materials = [Online.Materials[0], new Material { Name = "户口簿", Form = MaterialForm.OriginalAndCopy }, new Material { Name = "承诺书", Form = MaterialForm.Original }],
        }).Select(p => p.Field));
    }
}

public class GuideFormFileTests
{
    [Fact]
    public void A_listed_blank_form_or_sample_must_be_a_file_to_download()
    {
        var guide = new ServiceGuide
        {
            Name = "测试", LegalBasis = "《测试条例》", DepartmentId = Guid.NewGuid(), LimitKind = LimitKind.Instant,
            Materials = [new Material { Name = "申请表", TemplateFile = "申请表（空白表格）", SampleFile = "申请表（示范文本）", SampleFileId = Guid.NewGuid() }],
            ProcessNodes = [new ProcessNode { Name = "受理", ActingRole = StaffRoles.WindowClerk }],
            ConsultationPhone = "1", SupervisionPhone = "2", HandlingAddress = "中心", ResultName = "结果",
        };
        Assert.Equal(["guide.template-file-missing"], GuideValidation.Check(guide).Select(p => p.Code));
        Assert.Empty(GuideValidation.Check(guide with { Materials = [guide.Materials[0] with { TemplateFileId = Guid.NewGuid() }] }));
        Assert.Equal(["guide.sample-file-missing"], GuideValidation.Check(guide with { Materials = [guide.Materials[0] with { TemplateFileId = Guid.NewGuid(), SampleFileId = null }] }).Select(p => p.Code));
    }
}

public class SearchSynonymTests
{
    private static readonly DateTime Created = new(2026, 12, 5, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_term_is_kept_trimmed_and_lower_cased_with_its_distinct_words()
    {
        var s = SearchSynonym.Create("  开KTV ", ["娱乐场所", "娱乐场所", " ", "开ktv"], "admin", Created);
        Assert.Equal("开ktv", s.Term);
        Assert.Equal(["娱乐场所"], s.Words);
    }

    [Theory]
    [InlineData("店")]
    [InlineData("这是一个超过二十个字的群众用语它实在是太长了吧")]
    public void A_term_is_two_to_twenty_characters(string term) =>
        Assert.Equal("synonym.term-invalid", Assert.Throws<DomainRuleException>(() => SearchSynonym.Create(term, ["食品经营许可"], "admin", Created)).Code);

    [Fact]
    public void A_term_needs_a_word_other_than_itself() =>
        Assert.Equal("synonym.words-required", Assert.Throws<DomainRuleException>(() => SearchSynonym.Create("开饭店", ["开饭店", ""], "admin", Created)).Code);
}
