using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Modules.Hotline;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Hotline.HotlineApi;

namespace OneWindow.Web.Tests.Hotline;

/// <summary>
/// Work orders are sealed records (ADR 0023, 0034): someone who can write to the database but holds no record key edits
/// an order's event or its row directly, and the verify-chains command names the order and fails; a sound order passes.
/// </summary>
public class WorkOrderRecordTamperingTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Fact]
    public async Task The_verify_command_checks_work_orders_and_names_every_edited_one()
    {
        var note = await DispatchedAsync("记录链：改动事件内容");
        var status = await DispatchedAsync("记录链：改动工单状态");
        var lead = await DispatchedAsync("记录链：改动主办单位");
        var dropped = await DispatchedAsync("记录链：删除最后一条记录");
        var sound = await DispatchedAsync("记录链：未改动");

        var (before, beforeOutput) = await AppProcess.RunCommandAsync(app.Database, "verify-chains");
        Assert.True(before == 0, beforeOutput);
        Assert.Matches(@"\d+ work orders checked, 0 broken records\.", beforeOutput);

        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"WorkOrderEvents\" SET \"Note\" = {"已改派"} WHERE \"WorkOrderId\" = {note.Id} AND \"Sequence\" = 2");
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"WorkOrders\" SET \"Status\" = {(int)WorkOrderStatus.Concluded} WHERE \"Id\" = {status.Id}");
            var other = await db.Set<HotlineUnit>().Where(u => u.Kind == HotlineUnitKind.PublicService).Select(u => u.DepartmentId).FirstAsync();
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"WorkOrders\" SET \"LeadUnitId\" = {other} WHERE \"Id\" = {lead.Id}");
            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"WorkOrderEvents\" WHERE \"WorkOrderId\" = {dropped.Id} AND \"Sequence\" = 2");
        }

        var (exitCode, output) = await AppProcess.RunCommandAsync(app.Database, "verify-chains");

        Assert.Equal(1, exitCode);
        Assert.Contains($"BROKEN {note.Number}: 第 2 条记录的内容已被改动", output, StringComparison.Ordinal);
        Assert.Contains($"BROKEN {status.Number}: 工单的状态与记录不符", output, StringComparison.Ordinal);
        Assert.Contains($"BROKEN {lead.Number}: 工单的主办单位与记录不符", output, StringComparison.Ordinal);
        Assert.Contains($"BROKEN {dropped.Number}:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("BROKEN " + sound.Number, output, StringComparison.Ordinal);
        Assert.Matches(@"\d+ work orders checked, 4 broken records\.", output);
    }

    private async Task<WorkOrderView> DispatchedAsync(string content)
    {
        var hotline = await app.SignedInOnce("hotline");
        var order = await RegisterAsync(hotline, Call(content));
        return await OkAsync(ActAsync(hotline, order, "dispatch", new DispatchRequest(order.Revision, await UnitAsync(hotline, Market))));
    }
}
