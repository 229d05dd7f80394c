using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;
using static OneWindow.Domain.Tests.Cases.CaseFixtures;

namespace OneWindow.Domain.Tests.Cases;

public class FeeTests
{
    private static Case DecidedCaseWithFees()
    {
        var version = Promised(6, 20);
        typeof(ServiceItemVersion).GetProperty(nameof(ServiceItemVersion.Guide))!.SetValue(version, version.Guide with
        {
            Fees = [new Fee { Name = "登记费", Amount = 80m, Basis = "发改价格规〔2016〕2559号" }, new Fee { Name = "工本费", Amount = 10m, Basis = "发改价格规〔2016〕2559号" }],
        });
        var c = Received(version, Bj(2025, 3, 3, 9));
        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days);
        c.CompleteCurrentNode(Reviewer, "同意", Bj(2025, 3, 4), Days);
        c.Decide(DecisionOutcome.Grant, null, Approver, Bj(2025, 3, 5), Days);
        return c;
    }

    [Fact]
    public void A_granted_result_is_issued_only_after_the_fees_are_paid()
    {
        var c = DecidedCaseWithFees();
        Assert.Equal(90m, c.StandardFeeTotal);
        Assert.Equal("case.fees-unpaid", Assert.Throws<DomainRuleException>(() => c.IssueResult("R-1", Clerk, Bj(2025, 3, 5, 15), Days)).Code);
        c.RecordPayment(90m, "湘财通字 0012345", false, null, Clerk, Bj(2025, 3, 5, 14));
        c.IssueResult("R-1", Clerk, Bj(2025, 3, 5, 15), Days);
        Assert.Equal(CaseStatus.ResultIssued, c.Status);
    }

    [Fact]
    public void A_payment_that_differs_from_the_published_standard_needs_a_recorded_reason()
    {
        var c = DecidedCaseWithFees();
        var e = Assert.Throws<DomainRuleException>(() => c.RecordPayment(80m, "R-2", false, null, Clerk, Bj(2025, 3, 5, 14)));
        Assert.Equal("case.fee-differs", e.Code);
        Assert.Equal("reason", e.Field);
        c.RecordPayment(80m, "R-2", false, "仅领取一本证书，免收工本费", Clerk, Bj(2025, 3, 5, 14));
        Assert.Equal("仅领取一本证书，免收工本费", c.Payment.DifferenceReason);
        Assert.Equal("case.already-paid", Assert.Throws<DomainRuleException>(() => c.RecordPayment(80m, "R-3", false, "x", Clerk, Bj(2025, 3, 5, 15))).Code);
    }

    [Fact]
    public void A_free_item_takes_no_payment()
    {
        var c = Received(Promised(), Bj(2025, 3, 3, 9));
        c.Accept(Clerk, Bj(2025, 3, 3, 10), Days);
        Assert.Equal("case.no-fees", Assert.Throws<DomainRuleException>(() => c.RecordPayment(0, "R", false, null, Clerk, Bj(2025, 3, 3, 11))).Code);
    }
}
