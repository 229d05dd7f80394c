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
        c.RecordPayment(80m, "R-2", false, "仅领取一本证书，免收工本费", Clerk, Bj(2025, 3, 5, 14), [80m, 0m]);
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

    [Fact]
    public void What_was_paid_is_recorded_per_fee_line_and_a_split_is_never_invented()
    {
        // The standard total: each line its standard.
        var c = DecidedCaseWithFees();
        c.RecordPayment(90m, "R-1", false, null, Clerk, Bj(2025, 3, 5, 14));
        Assert.Equal([80m, 10m], c.Payment.Fees.Select(f => f.PaidAmount));
        Assert.Equal(["登记费", "工本费"], c.Payment.Fees.Select(f => f.Name));

        // Another amount over two lines: the lines must be given, one per line, adding up to the amount.
        c = DecidedCaseWithFees();
        string Code(Action a) => Assert.Throws<DomainRuleException>(a).Code;
        Assert.Equal("case.fee-lines-required", Code(() => c.RecordPayment(40m, "R-2", false, "减半", Clerk, Bj(2025, 3, 5, 14))));
        Assert.Equal("case.fee-lines-count", Code(() => c.RecordPayment(40m, "R-2", false, "减半", Clerk, Bj(2025, 3, 5, 14), [40m])));
        Assert.Equal("case.fee-lines-sum", Code(() => c.RecordPayment(40m, "R-2", false, "减半", Clerk, Bj(2025, 3, 5, 14), [40m, 5m])));
        Assert.Equal("case.amount-invalid", Code(() => c.RecordPayment(40m, "R-2", false, "减半", Clerk, Bj(2025, 3, 5, 14), [40.001m, -0.001m])));
        Assert.Null(c.Payment.PaidAt);
        c.RecordPayment(45m, "R-2", false, "减半", Clerk, Bj(2025, 3, 5, 14), [40m, 5m]);
        Assert.Equal([40m, 5m], c.Payment.Fees.Select(f => f.PaidAmount));
        Assert.Equal(45m, c.Payment.PaidAmount);
    }
}
