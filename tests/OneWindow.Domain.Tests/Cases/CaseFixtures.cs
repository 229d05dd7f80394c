using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;
using OneWindow.Domain.Records;

namespace OneWindow.Domain.Tests.Cases;

/// <summary>Items, people and times for the case tests. Times are Beijing wall-clock times turned into UTC.</summary>
internal static class CaseFixtures
{
    public static readonly WorkingDayCalendar Days = WorkingDayCalendar.Create(NationalCalendar.ShippedDays, null, NationalCalendar.ShippedNoticeYears);
    public static readonly Actor Clerk = new("u-clerk", "窗口 李芳", "WindowClerk");
    public static readonly Actor Reviewer = new("u-rev", "审核 赵磊", "Reviewer");
    public static readonly Actor Approver = new("u-app", "首席代表 周军", "Approver");
    /// <summary>The record key the tests seal with (any 32 bytes; a real key comes from a file outside the database).</summary>
    public static readonly RecordKeyRing Keys = new(new Dictionary<string, byte[]> { ["test-key"] = [.. Enumerable.Range(1, 32).Select(i => (byte)i)] }, "test-key");

    /// <summary>Seals the case's new events as saving it would, and checks the case against its record.</summary>
    public static ChainVerification SealAndVerify(Case c)
    {
        c.SealNewEvents(Keys);
        return CaseRecordCheck.Verify(c, c.NewEvents, Keys);
    }

    /// <summary>The case with its new events sealed and checked intact, for a test to change.</summary>
    public static Case Sealed(this Case c)
    {
        Xunit.Assert.True(SealAndVerify(c).IsIntact);
        return c;
    }

    public static readonly Applicant Person = Applicant.Create(ApplicantKind.Person, "张三", "11010519491231002X", "13800000000", new DateOnly(2026, 11, 22));

    public static DateTime Bj(int y, int m, int d, int h = 10, int min = 0) =>
        DateTime.SpecifyKind(new DateTime(y, m, d, h, min, 0) - ChinaTime.Offset, DateTimeKind.Utc);

    public static ServiceItemVersion Promised(int promised = 5, int statutory = 20) => Version(LimitKind.Promised, promised, statutory,
    [
        new() { Name = "受理", ActingRole = "WindowClerk" },
        new() { Name = "审查", ActingRole = "Reviewer", LimitWorkingDays = promised / 2 },
        new() { Name = "审批决定", ActingRole = "Approver", LimitWorkingDays = promised - promised / 2 },
        new() { Name = "制证送达", ActingRole = "WindowClerk" },
    ]);

    public static ServiceItemVersion Instant() => Version(LimitKind.Instant, 0, 0,
    [
        new() { Name = "受理", ActingRole = "WindowClerk" },
        new() { Name = "审核办结", ActingRole = "WindowClerk" },
    ]);

    /// <summary>The same version with published fees (set as the catalog would have stored them).</summary>
    public static ServiceItemVersion WithFees(ServiceItemVersion version, params decimal[] amounts)
    {
        typeof(ServiceItemVersion).GetProperty(nameof(ServiceItemVersion.Guide))!.SetValue(version, version.Guide with
        {
            Fees = [.. amounts.Select((a, i) => new Fee { Name = $"费用{i + 1}", Amount = a, Basis = "发改价格规〔2016〕2559号" })],
        });
        return version;
    }

    public static Case Received(ServiceItemVersion version, DateTime at) =>
        Case.Receive("431025-20251230-00001", version, Person, CaseChannel.Window, null, "431025000000", ["申请书"], Clerk, at, Days);

    private static ServiceItemVersion Version(LimitKind kind, int promised, int statutory, ProcessNode[] nodes)
    {
        var guide = new ServiceGuide
        {
            Name = "测试事项", LegalBasis = "《中华人民共和国行政许可法》", DepartmentId = Guid.NewGuid(), ApplicantTypes = ApplicantTypes.Person,
            LimitKind = kind, PromisedLimitDays = promised, StatutoryLimitDays = statutory, Materials = [new Material { Name = "申请书" }],
            ProcessNodes = nodes, ConsultationPhone = "1", SupervisionPhone = "2", HandlingAddress = "大厅", ResultName = "证", DeliveryMethods = DeliveryMethods.WindowPickup,
        };
        var published = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var item = ServiceItem.Create("T-" + Guid.NewGuid().ToString("N")[..8], guide, "t", published);
        return item.Publish("t", published, new DateOnly(2020, 1, 1));
    }
}
