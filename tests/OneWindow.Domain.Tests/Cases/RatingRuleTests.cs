using OneWindow.Domain.Cases;
using static OneWindow.Domain.Tests.Cases.CaseFixtures;

namespace OneWindow.Domain.Tests.Cases;

public class RatingRuleTests
{
    private static Case Concluded()
    {
        var c = Received(Instant(), Bj(2025, 3, 3, 9));
        c.ConcludeInstantly("R-1", Clerk, Bj(2025, 3, 3, 9, 5), Days);
        return c;
    }

    [Fact]
    public void An_open_case_cannot_be_rated()
    {
        var c = Received(Promised(), Bj(2025, 3, 3, 9));
        Assert.Equal("rating.case-not-concluded", Assert.Throws<DomainRuleException>(() => Rating.Rate(c, CaseChannel.Online, RatingLevel.Satisfied, null, Bj(2025, 3, 3, 10), Days)).Code);
    }

    [Fact]
    public void A_rejected_appeal_sends_the_rating_back_to_the_department_to_rectify()
    {
        var rating = Rating.Rate(Concluded(), CaseChannel.Online, RatingLevel.VeryDissatisfied, "等了很久", Bj(2025, 3, 3, 10), Days);
        Assert.Equal(Bj(2025, 3, 11, 0), rating.RectificationDueAt); // five working days: Mon 10 Mar
        rating.Appeal("评价与事实不符", Approver, Bj(2025, 3, 4));
        Assert.Equal("rating.review-needs-supervisor", Assert.Throws<DomainRuleException>(() => rating.ReviewAppeal(true, "同意", Approver, Bj(2025, 3, 5))).Code);
        rating.ReviewAppeal(false, "录像显示确有等待，申诉不成立", new Actor("s", "监察 郑明", "Supervisor"), Bj(2025, 3, 5));
        Assert.Equal(RectificationStatus.Open, rating.Rectification);
        rating.Rectify("已回访", "优化叫号分流", Clerk, Bj(2025, 3, 6));
        Assert.Equal(RectificationStatus.Rectified, rating.Rectification);
    }

    [Fact]
    public void A_callback_rectification_or_appeal_longer_than_a_page_is_refused_for_its_field()
    {
        var rating = Rating.Rate(Concluded(), CaseChannel.Online, RatingLevel.Dissatisfied, "态度差", Bj(2025, 3, 3, 10), Days);
        var tooLong = new string('长', Rating.MaxNote + 1);
        Assert.Equal("callbackNote", Assert.Throws<DomainRuleException>(() => rating.Rectify(tooLong, "整改", Clerk, Bj(2025, 3, 4))).Field);
        Assert.Equal("rectificationNote", Assert.Throws<DomainRuleException>(() => rating.Rectify("回访", tooLong, Clerk, Bj(2025, 3, 4))).Field);
        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => rating.Appeal(tooLong, Clerk, Bj(2025, 3, 4))).Field);
        Assert.Equal(RectificationStatus.Open, rating.Rectification);
        Assert.Equal(0, rating.Revision);
    }
}
