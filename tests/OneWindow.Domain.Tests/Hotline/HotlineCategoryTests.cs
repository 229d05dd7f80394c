using OneWindow.Domain;
using OneWindow.Domain.Hotline;

namespace OneWindow.Domain.Tests.Hotline;

/// <summary>The category tree's rules (ADR 0034): two levels, a checked name, limit and place, retiring from the leaves up, a revision per change.</summary>
public class HotlineCategoryTests
{
    private static HotlineCategory Group(string code) => HotlineCategory.Create(code, "分组 " + code, null, null, null, 1);

    [Fact]
    public void An_edit_checks_its_fields_and_moves_the_revision()
    {
        var c = HotlineCategory.Create("CX.01", "房屋质量", "CX", null, null, 1);
        c.Edit("  物业管理  ", Guid.NewGuid(), 60, 7);
        Assert.Equal(("物业管理", 60, 7, 1), (c.Name, c.HandlingWorkingDays, c.SortOrder, c.Revision));
        Assert.Equal("name", Assert.Throws<DomainRuleException>(() => c.Edit(" ", null, null, 1)).Field);
        Assert.Equal("handlingWorkingDays", Assert.Throws<DomainRuleException>(() => c.Edit("物业", null, 0, 1)).Field);
        Assert.Equal("handlingWorkingDays", Assert.Throws<DomainRuleException>(() => c.Edit("物业", null, 366, 1)).Field);
        Assert.Equal("sortOrder", Assert.Throws<DomainRuleException>(() => c.Edit("物业", null, null, -1)).Field);
        Assert.Equal(1, c.Revision);
    }

    [Fact]
    public void A_category_moves_only_under_another_active_group_and_a_group_with_children_stays_on_top()
    {
        var cx = Group("CX");
        var sc = Group("SC");
        var leaf = HotlineCategory.Create("CX.01", "房屋质量", "CX", null, null, 1);
        var child = HotlineCategory.Create("SC.01", "食品安全", "SC", null, null, 1);
        leaf.MoveUnder(sc, hasChildren: false);
        Assert.Equal(("SC", 1), (leaf.ParentCode, leaf.Revision));
        Assert.Equal("hotline.category-parent-invalid", Assert.Throws<DomainRuleException>(() => leaf.MoveUnder(child, false)).Code); // not a group
        Assert.Equal("hotline.category-parent-invalid", Assert.Throws<DomainRuleException>(() => cx.MoveUnder(cx, false)).Code);
        Assert.Equal("hotline.category-has-children", Assert.Throws<DomainRuleException>(() => cx.MoveUnder(sc, hasChildren: true)).Code);
        sc.SetActive(false, hasActiveChildren: false, null);
        Assert.Equal("hotline.category-parent-invalid", Assert.Throws<DomainRuleException>(() => leaf.MoveUnder(sc, false)).Code); // retired group
        leaf.MoveUnder(null, false);
        Assert.Null(leaf.ParentCode);
    }

    [Fact]
    public void A_group_retires_after_its_categories_and_a_category_is_restored_under_a_group_in_use()
    {
        var group = Group("JT");
        var leaf = HotlineCategory.Create("JT.01", "公交", "JT", null, null, 1);
        Assert.Equal("hotline.category-has-children", Assert.Throws<DomainRuleException>(() => group.SetActive(false, hasActiveChildren: true, null)).Code);
        leaf.SetActive(false, false, group);
        group.SetActive(false, false, null);
        Assert.Equal("hotline.category-parent-retired", Assert.Throws<DomainRuleException>(() => leaf.SetActive(true, false, group)).Code);
        Assert.Equal("hotline.category-retired", Assert.Throws<DomainRuleException>(() => leaf.SetActive(false, false, group)).Code);
        group.SetActive(true, false, null);
        leaf.SetActive(true, false, group);
        Assert.True(leaf.Active);
        Assert.Equal(2, leaf.Revision);
    }
}
