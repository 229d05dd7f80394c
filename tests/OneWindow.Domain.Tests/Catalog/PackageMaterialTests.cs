using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;

namespace OneWindow.Domain.Tests.Catalog;

/// <summary>A combined item's one checklist: differently named papers asked once, results of the package never asked for.</summary>
public class PackageMaterialTests
{
    private const string Ids = "股东、法定代表人及经办人身份证明";

    private static ServiceGuide Guide(string name, string? result, params Material[] materials) => new()
    {
        Name = name, LegalBasis = "《中华人民共和国行政许可法》", ResultName = result, Materials = materials,
    };

    private static readonly ServiceGuide Founding = Guide("企业设立登记", "营业执照",
        new Material { Name = "公司登记（备案）申请书" }, new Material { Name = "股东主体资格证明或自然人身份证明", SharedAs = Ids });
    private static readonly ServiceGuide Seal = Guide("公章刻制备案", "印章备案信息",
        new Material { Name = "营业执照" }, new Material { Name = "法定代表人身份证", SharedAs = Ids }, new Material { Name = "印章刻制申请表" });
    private static readonly ServiceGuide Tax = Guide("新办纳税人涉税事项联办", "税务登记信息确认",
        new Material { Name = "经办人身份证件", SharedAs = Ids }, new Material { Name = "财务负责人及办税人员信息表", Deferrable = true });

    [Fact]
    public void Identity_papers_named_three_ways_are_asked_once_and_the_licence_the_package_issues_not_at_all()
    {
        var merged = PackageMaterials.Merge([("企业设立登记", Founding), ("公章刻制备案", Seal), ("新办纳税人涉税事项联办", Tax)]);
        var names = merged.Select(m => m.Material.Name).ToList();
        Assert.Equal(1, names.Count(n => n == Ids));
        Assert.DoesNotContain("营业执照", names);
        Assert.DoesNotContain("法定代表人身份证", names);
        Assert.Equal(["企业设立登记", "公章刻制备案", "新办纳税人涉税事项联办"], merged.Single(m => m.Material.Name == Ids).UsedBy);
        Assert.Equal(
            ["公司登记（备案）申请书", Ids, "印章刻制申请表", "财务负责人及办税人员信息表"],
            CaseTemplate.RequiredOfPackage([Founding, Seal, Tax]));
    }

    [Fact]
    public void Alone_an_item_asks_for_its_papers_by_their_own_names()
    {
        Assert.Equal(["营业执照", "法定代表人身份证", "印章刻制申请表"], CaseTemplate.RequiredOf(Seal));
        Assert.Equal(["营业执照", Ids, "印章刻制申请表"], CaseTemplate.RequiredOfPart(Seal));
        Assert.Equal(CaseTemplate.RequiredOf(Seal), CaseTemplate.RequiredOfApplication([Seal]));
    }
}
