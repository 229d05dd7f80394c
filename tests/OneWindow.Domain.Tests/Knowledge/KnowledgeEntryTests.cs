using OneWindow.Domain;
using OneWindow.Domain.Knowledge;

namespace OneWindow.Domain.Tests.Knowledge;

/// <summary>The knowledge entry's rules on a controlled date: versions, the owner, the review day, withdrawal; and the cutting of text into terms.</summary>
public class KnowledgeEntryTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly Guid Market = Guid.NewGuid(), Civil = Guid.NewGuid();
    private static readonly KnowledgeAuthor Center = new("坐席", true, null);
    private static readonly KnowledgeAuthor MarketStaff = new("市场监管", false, Market);

    private static KnowledgeDraft Draft(string answer = "答复一", Guid? department = null, DateOnly? review = null) =>
        new("怎么办营业执照", answer, "SC.01", department ?? Market, null, ["营业执照"], review ?? Today.AddDays(90));

    [Fact]
    public void An_edit_makes_a_new_version_and_leaves_the_old_one_as_it_was()
    {
        var (entry, first) = KnowledgeEntry.Create(Draft(), Center, Now, Today);
        var second = entry.Edit(Draft("答复二"), MarketStaff, Now.AddDays(1), Today.AddDays(1));
        Assert.Equal((1, 2), (first.Version, second.Version));
        Assert.Equal("答复一", first.Answer);
        Assert.Equal("答复二", entry.Answer);
        Assert.Equal(2, entry.Version);
        Assert.Equal(2, entry.Revision);
        Assert.Equal("市场监管", entry.UpdatedBy);
    }

    [Fact]
    public void A_department_writes_only_its_own_entries()
    {
        var (entry, _) = KnowledgeEntry.Create(Draft(department: Civil), Center, Now, Today);
        Assert.Equal("knowledge.other-department", Assert.Throws<ActionNotAllowedException>(() => entry.Edit(Draft(department: Civil), MarketStaff, Now, Today)).Code);
        Assert.Throws<ActionNotAllowedException>(() => KnowledgeEntry.Create(Draft(department: Civil), MarketStaff, Now, Today));
        Assert.Throws<ActionNotAllowedException>(() => entry.Withdraw(MarketStaff, Now));
        // Nor may it move its own entry to another department.
        var (own, _) = KnowledgeEntry.Create(Draft(), MarketStaff, Now, Today);
        Assert.Throws<ActionNotAllowedException>(() => own.Edit(Draft(department: Civil), MarketStaff, Now, Today));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(366, true)]
    [InlineData(367, false)]
    public void The_review_day_is_after_today_and_within_a_year(int days, bool allowed)
    {
        Action create = () => _ = KnowledgeEntry.Create(Draft(review: Today.AddDays(days)), Center, Now, Today);
        if (allowed)
        {
            create();
        }
        else
        {
            Assert.Equal("reviewDue", Assert.Throws<DomainRuleException>(create).Field);
        }
    }

    [Fact]
    public void An_entry_is_due_for_review_after_its_day_and_a_withdrawn_one_comes_back_only_with_a_day_ahead()
    {
        var (entry, _) = KnowledgeEntry.Create(Draft(review: Today.AddDays(10)), Center, Now, Today);
        Assert.False(entry.IsDueForReview(Today.AddDays(10)));
        Assert.True(entry.IsDueForReview(Today.AddDays(11)));
        entry.Withdraw(Center, Now);
        Assert.False(entry.IsDueForReview(Today.AddDays(11))); // not offered, so not flagged
        Assert.Equal("knowledge.already-withdrawn", Assert.Throws<DomainRuleException>(() => entry.Withdraw(Center, Now)).Code);
        Assert.Equal("knowledge.review-overdue", Assert.Throws<DomainRuleException>(() => entry.Publish(Center, Now, Today.AddDays(11))).Code);
        entry.Publish(Center, Now, Today.AddDays(5));
        Assert.Equal(KnowledgeStatus.Published, entry.Status);
    }

    [Fact]
    public void Text_is_cut_into_character_pairs_lone_characters_and_latin_runs()
    {
        Assert.Equal(["营业", "业执", "执照", "怎么", "么办"], KnowledgeText.Terms("营业执照，怎么办？"));
        Assert.Equal(["拨打", "12345", "税", "app"], KnowledgeText.Terms("拨打12345 税 APP"));
        var weights = KnowledgeText.Weighted("开饭店", ["餐饮"], "饭店要办食品经营许可");
        Assert.Equal(3, weights["饭店"]);
        Assert.Equal(3, weights["餐饮"]);
        Assert.Equal(1, weights["经营"]);
        Assert.Equal((1, 1, 2, 4), (KnowledgeText.MinimumMatched(1), KnowledgeText.MinimumMatched(3), KnowledgeText.MinimumMatched(4), KnowledgeText.MinimumMatched(12)));
    }
}
