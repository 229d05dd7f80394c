using OneWindow.Domain.Cases;
using OneWindow.Domain.Hotline;
using OneWindow.Domain.Records;
using static OneWindow.Domain.Tests.Cases.CaseFixtures;

namespace OneWindow.Domain.Tests.Hotline;

/// <summary>
/// A work order's files (ADR 0036): who adds which kind at which step, the limits, who may open them (a confidential
/// caller's own files never reach a unit), and the record check that catches a file swapped or slipped in.
/// </summary>
public class WorkOrderFileTests
{
    private static readonly HotlineParty Center = HotlineParty.Center(new Actor("u-op", "坐席 何晓", "HotlineOperator"));
    private static readonly Guid Housing = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    private static readonly Guid Town = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Water = Guid.Parse("00000000-0000-0000-0000-0000000000c3");
    private static readonly HotlineParty HousingStaff = HotlineParty.Unit(new Actor("u-zj", "住建 王强", "Reviewer"), Housing);
    private static readonly HotlineParty TownStaff = HotlineParty.Unit(new Actor("u-town", "镇 陈静", "Reviewer"), Town);
    private static readonly HotlineParty WaterStaff = HotlineParty.Unit(new Actor("u-water", "水务 李明", "Reviewer"), Water);

    private static WorkOrder Registered(HotlineParty by, bool confidential = false) =>
        WorkOrder.Register(new WorkOrderIntake(WorkOrderChannel.Letter, WorkOrderType.Complaint, "CX.01", "来信反映小区路灯损坏", "431025100201",
            CallerName: "张先生", CallerPhone: "13907351234", Confidential: confidential), "RX431025-20261123-00001", by, Bj(2026, 11, 23, 10));

    private static WorkOrder Handling(bool confidential = false)
    {
        var o = Registered(Center, confidential);
        o.Dispatch(Housing, [Town], WorkOrderLimits.Default.SignFor(WorkOrderUrgency.Normal), WorkOrderLimits.Default.Handling(WorkOrderType.Complaint, WorkOrderUrgency.Normal),
            Days, Center, Bj(2026, 11, 23, 11));
        o.Sign(HousingStaff, Bj(2026, 11, 23, 15));
        return o;
    }

    private static WorkOrderAttachment File(WorkOrderFileKind kind, char hash = 'a') => new(Guid.NewGuid(), kind, "application/pdf", 1024, new string(hash, 64));

    [Fact]
    public void The_files_of_a_step_are_one_event_with_each_files_hash_and_no_name()
    {
        var o = Registered(Center);
        var scan = File(WorkOrderFileKind.LetterScan, 'c');
        o.AttachFiles([scan], 0, Center, Bj(2026, 11, 23, 10));
        var e = o.NewEvents[^1];
        Assert.Equal("files-added", e.Action);
        Assert.Equal(WorkOrderStatus.Registered, e.ToStatus);
        Assert.Contains(new string('c', 64), e.Data, StringComparison.Ordinal);
        Assert.Contains("\"step\":\"registered\"", e.Data, StringComparison.Ordinal);
        Assert.Equal(2, o.Revision);
    }

    [Fact]
    public void Each_party_adds_only_its_kind_at_its_step()
    {
        // The public sender: its own files, only with the registration.
        var sent = Registered(HotlineParty.Caller);
        Assert.Throws<ActionNotAllowedException>(() => sent.AttachFiles([File(WorkOrderFileKind.LetterScan)], 0, HotlineParty.Caller, Bj(2026, 11, 23, 10)));
        sent.AttachFiles([File(WorkOrderFileKind.CallerFile)], 0, HotlineParty.Caller, Bj(2026, 11, 23, 10));
        Assert.Throws<ActionNotAllowedException>(() => sent.AttachFiles([File(WorkOrderFileKind.CallerFile)], 1, HotlineParty.Caller, Bj(2026, 11, 23, 11)));

        var o = Handling();
        // The lead unit: the reply's files with the reply, not before; a co-handler: with its contribution; another unit never.
        Assert.Throws<ActionNotAllowedException>(() => o.AttachFiles([File(WorkOrderFileKind.ReplyFile)], 0, HousingStaff, Bj(2026, 11, 24, 9)));
        Assert.Throws<ActionNotAllowedException>(() => o.AttachFiles([File(WorkOrderFileKind.CenterFile)], 0, TownStaff, Bj(2026, 11, 24, 9)));
        o.Contribute("线路已排查", TownStaff, Bj(2026, 11, 24, 10));
        Assert.Throws<ActionNotAllowedException>(() => o.AttachFiles([File(WorkOrderFileKind.ReplyFile)], 0, TownStaff, Bj(2026, 11, 24, 10)));
        o.AttachFiles([File(WorkOrderFileKind.ContributionFile)], 0, TownStaff, Bj(2026, 11, 24, 10));
        o.Reply(ReplyResult.Resolved, "已更换路灯", null, HousingStaff, Bj(2026, 11, 25, 9));
        Assert.Throws<ActionNotAllowedException>(() => o.AttachFiles([File(WorkOrderFileKind.ReplyFile)], 1, WaterStaff, Bj(2026, 11, 25, 9)));
        o.AttachFiles([File(WorkOrderFileKind.ReplyFile)], 1, HousingStaff, Bj(2026, 11, 25, 9));
        // The center: its kinds while the order is open; a unit's kind never.
        Assert.Throws<ActionNotAllowedException>(() => o.AttachFiles([File(WorkOrderFileKind.ReplyFile)], 2, Center, Bj(2026, 11, 25, 10)));
        o.AttachFiles([File(WorkOrderFileKind.CenterFile)], 2, Center, Bj(2026, 11, 25, 10));
        Assert.Equal(["files-added", "files-added", "files-added"], o.NewEvents.Where(e => e.Action == "files-added").Select(e => e.Action));
    }

    [Fact]
    public void A_step_brings_at_most_five_files_and_an_order_holds_at_most_twenty()
    {
        var o = Registered(Center);
        var six = Enumerable.Range(0, WorkOrder.MaxFilesPerStep + 1).Select(_ => File(WorkOrderFileKind.CallerFile)).ToList();
        Assert.Equal("hotline.file-too-many", Assert.Throws<DomainRuleException>(() => o.AttachFiles(six, 0, Center, Bj(2026, 11, 23, 10))).Code);
        Assert.Equal("hotline.file-too-many", Assert.Throws<DomainRuleException>(() =>
            o.AttachFiles([File(WorkOrderFileKind.CallerFile)], WorkOrder.MaxFilesPerOrder, Center, Bj(2026, 11, 23, 10))).Code);
        Assert.Equal(1, o.Revision); // nothing entered
        o.AttachFiles([File(WorkOrderFileKind.CallerFile)], WorkOrder.MaxFilesPerOrder - 1, Center, Bj(2026, 11, 23, 10));
    }

    [Fact]
    public void A_unit_opens_the_files_of_its_orders_but_never_a_confidential_callers_own()
    {
        var open = Handling();
        Assert.True(open.MayOpenFile(HousingStaff, WorkOrderFileKind.CallerFile));
        Assert.True(open.MayOpenFile(TownStaff, WorkOrderFileKind.LetterScan)); // a co-handler
        Assert.False(open.MayOpenFile(WaterStaff, WorkOrderFileKind.ReplyFile)); // not its order
        Assert.False(open.MayOpenFile(HotlineParty.Caller, WorkOrderFileKind.CallerFile)); // the public sees no files, not even its own
        Assert.True(open.MayOpenFile(Center, WorkOrderFileKind.ContributionFile));

        var secret = Handling(confidential: true);
        Assert.False(secret.MayOpenFile(HousingStaff, WorkOrderFileKind.CallerFile));
        Assert.False(secret.MayOpenFile(TownStaff, WorkOrderFileKind.LetterScan));
        Assert.True(secret.MayOpenFile(HousingStaff, WorkOrderFileKind.CenterFile)); // the center's redacted copy
        Assert.True(secret.MayOpenFile(HousingStaff, WorkOrderFileKind.ReplyFile));
        Assert.True(secret.MayOpenFile(Center, WorkOrderFileKind.CallerFile));
    }

    [Fact]
    public void The_record_check_catches_a_file_swapped_missing_or_slipped_in()
    {
        var o = Registered(Center);
        var scan = File(WorkOrderFileKind.LetterScan, 'c');
        o.AttachFiles([scan], 0, Center, Bj(2026, 11, 23, 10));
        o.SealNewEvents(Keys);
        var events = o.NewEvents.ToList();

        Assert.True(WorkOrderRecordCheck.Verify(o, events, Keys, new Dictionary<Guid, string> { [scan.Id] = scan.Sha256 }).IsIntact);
        Assert.True(WorkOrderRecordCheck.Verify(o, events, Keys).IsIntact); // without the files' hashes, the chain alone
        var swapped = WorkOrderRecordCheck.Verify(o, events, Keys, new Dictionary<Guid, string> { [scan.Id] = new string('d', 64) });
        Assert.False(swapped.IsIntact);
        Assert.Contains("附件", swapped.Problem, StringComparison.Ordinal);
        Assert.False(WorkOrderRecordCheck.Verify(o, events, Keys, new Dictionary<Guid, string>()).IsIntact);
        Assert.False(WorkOrderRecordCheck.Verify(o, events, Keys, new Dictionary<Guid, string> { [scan.Id] = scan.Sha256, [Guid.NewGuid()] = scan.Sha256 }).IsIntact);
    }
}
