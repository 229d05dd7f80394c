using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Modules.Hotline;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Hotline.HotlineApi;

namespace OneWindow.Web.Tests.Hotline;

/// <summary>
/// A work order's files (ADR 0036) on the API and the pages: checked by size, type and count before the step they come
/// with (a refused file saves nothing of it), listed and served to the center and the order's units only, a confidential
/// caller's own files never to a unit, and each file's hash in the record so that verify-chains catches a swapped file.
/// </summary>
public class WorkOrderFileTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n% 来信扫描件\n"u8, .. new byte[2048]];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[512]];

    private static WorkOrderFileRequest File(string name, byte[] content, WorkOrderFileKind? kind = null) => new(name, Convert.ToBase64String(content), kind);

    private async Task<int> OrdersWithAsync(string content)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<WorkOrder>().CountAsync(o => o.Content == content);
        }
    }

    private static async Task<WorkOrderView> HandlingAsync(HttpClient hotline, HttpClient market, WorkOrderForm form, params Guid[] coHandlers)
    {
        var order = await RegisterAsync(hotline, form);
        order = await OkAsync(ActAsync(hotline, order, "dispatch", new DispatchRequest(order.Revision, await UnitAsync(hotline, Market), coHandlers)));
        return await OkAsync(ActAsync(market, order, "sign", new RevisionRequest(order.Revision)));
    }

    [Fact]
    public async Task A_letter_is_registered_with_its_scan_which_is_served_as_an_attachment_under_its_true_extension()
    {
        var hotline = await app.SignedIn("hotline");
        var order = await RegisterAsync(hotline, Call("来信：附扫描件") with
        {
            Channel = WorkOrderChannel.Letter,
            Files = [File("来信.pdf", Pdf), File("现场照片.exe", Png, WorkOrderFileKind.CallerFile)],
        });

        Assert.Equal(2, order.Files.Count);
        var scan = order.Files.Single(f => f.Kind == WorkOrderFileKind.LetterScan); // a letter's file is its scan by default
        Assert.Equal(("来信.pdf", "application/pdf", Pdf.LongLength), (scan.FileName, scan.ContentType, scan.Length));
        var photo = order.Files.Single(f => f.Kind == WorkOrderFileKind.CallerFile);
        Assert.Equal("现场照片.exe.png", photo.FileName);
        Assert.Contains(order.History, s => s.Action == "files-added");

        var download = await hotline.GetAsync(photo.Href);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("现场照片.exe.png", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await hotline.GetAsync($"/api/v1/hotline/files/{scan.Id}")).StatusCode);
    }

    [Fact]
    public async Task An_oversized_file_is_413_a_file_of_another_type_415_too_many_400_and_none_registers_anything()
    {
        var citizen = app.Anonymous();
        var big = new byte[OneWindow.Web.Infrastructure.FileTypes.MaxBytes + 1];
        Pdf.CopyTo(big, 0);
        var tooLarge = await ProblemAsync(citizen.PostAsJsonAsync($"{Root}/public/orders", Call("附件过大的反映") with { Files = [File("大.pdf", big)] }, Json.Options),
            HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("hotline.file-too-large", tooLarge.GetProperty("code").GetString());

        var script = "<script>alert(1)</script>"u8.ToArray();
        var badType = await ProblemAsync(citizen.PostAsJsonAsync($"{Root}/public/orders", Call("附件类型不符的反映") with { Files = [File("照片.png", script)] }, Json.Options),
            HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("hotline.file-type", badType.GetProperty("code").GetString());

        var six = Enumerable.Range(1, WorkOrder.MaxFilesPerStep + 1).Select(i => File($"{i}.pdf", Pdf)).ToList();
        var tooMany = await ProblemAsync(citizen.PostAsJsonAsync($"{Root}/public/orders", Call("附件过多的反映") with { Files = six }, Json.Options),
            HttpStatusCode.BadRequest);
        Assert.Equal("hotline.file-too-many", tooMany.GetProperty("code").GetString());

        var empty = await ProblemAsync(citizen.PostAsJsonAsync($"{Root}/public/orders", Call("空附件的反映") with { Files = [File("空.pdf", [])] }, Json.Options),
            HttpStatusCode.BadRequest);
        Assert.Equal("hotline.file-empty", empty.GetProperty("code").GetString());

        foreach (var content in new[] { "附件过大的反映", "附件类型不符的反映", "附件过多的反映", "空附件的反映" })
        {
            Assert.Equal(0, await OrdersWithAsync(content));
        }
        // The same form with an accepted file is registered, with it.
        var sent = await citizen.PostAsJsonAsync($"{Root}/public/orders", Call("附件合规的反映") with { Files = [File("照片.png", Png)] }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Equal(1, await OrdersWithAsync("附件合规的反映"));
    }

    [Fact]
    public async Task The_unit_replies_with_files_and_a_refused_file_leaves_the_reply_unsaved()
    {
        var hotline = await app.SignedIn("hotline");
        var market = await app.SignedIn("reviewer.sj");
        var order = await HandlingAsync(hotline, market, Call("答复附件：超市价签不符"));

        var refused = await ProblemAsync(ActAsync(market, order, "reply", new ReplyRequest(order.Revision, ReplyResult.Resolved, "已责令整改", Files: [File("整改通知.pdf", Pdf), File("整改照片.png", [0x50, 0x4B, 0x03, 0x04, .. Png])])),
            HttpStatusCode.UnsupportedMediaType); // the second: a zip, not the image its name says
        Assert.Equal("hotline.file-type", refused.GetProperty("code").GetString());
        var unchanged = await (await market.GetAsync($"{Root}/orders/{order.Id}")).ReadAsync<WorkOrderView>();
        Assert.Equal((order.Revision, WorkOrderStatus.Handling, 0), (unchanged.Revision, unchanged.Status, unchanged.Files.Count));

        var replied = await OkAsync(ActAsync(market, order, "reply", new ReplyRequest(order.Revision, ReplyResult.Resolved, "已责令整改", Files: [File("整改通知.pdf", Pdf)])));
        Assert.Equal(WorkOrderStatus.Replied, replied.Status);
        var file = Assert.Single(replied.Files);
        Assert.Equal((WorkOrderFileKind.ReplyFile, Market), (file.Kind, file.UnitName));
        Assert.Equal(HttpStatusCode.OK, (await market.GetAsync(file.Href)).StatusCode);
        // The lead unit adds no files on its own; the center does, while the order is open.
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(market, replied, "files", new AddFilesRequest(replied.Revision, [File("补充.pdf", Pdf)]))).StatusCode);
        var added = await OkAsync(ActAsync(hotline, replied, "files", new AddFilesRequest(replied.Revision, [File("回访录音摘要.pdf", Pdf)])));
        Assert.Contains(added.Files, f => f.Kind == WorkOrderFileKind.CenterFile && f.FileName == "回访录音摘要.pdf");
        Assert.Equal(WorkOrderStatus.Replied, added.Status);
    }

    [Fact]
    public async Task An_order_holds_at_most_twenty_files()
    {
        var hotline = await app.SignedIn("hotline");
        var five = Enumerable.Range(1, WorkOrder.MaxFilesPerStep).Select(i => File($"第{i}页.pdf", Pdf)).ToList();
        var order = await RegisterAsync(hotline, Call("附件总数上限") with { Channel = WorkOrderChannel.Letter, Files = five });
        for (var i = 0; i < WorkOrder.MaxFilesPerOrder / WorkOrder.MaxFilesPerStep - 1; i++)
        {
            order = await OkAsync(ActAsync(hotline, order, "files", new AddFilesRequest(order.Revision, [.. five])));
        }
        Assert.Equal(WorkOrder.MaxFilesPerOrder, order.Files.Count);
        var over = await ProblemAsync(ActAsync(hotline, order, "files", new AddFilesRequest(order.Revision, [File("再加一页.pdf", Pdf)])), HttpStatusCode.BadRequest);
        Assert.Equal("hotline.file-too-many", over.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Only_the_center_and_the_orders_units_see_its_files_and_a_unit_never_a_confidential_callers_own()
    {
        var hotline = await app.SignedIn("hotline");
        var market = await app.SignedIn("reviewer.sj");
        var civil = await app.SignedIn("reviewer.mz");
        var order = await HandlingAsync(hotline, market, Call("保密来信：举报某店售假", phone: "13907350091", confidential: true) with
        {
            Channel = WorkOrderChannel.Letter,
            Files = [File("张先生举报信.pdf", Pdf), File("张先生拍的照片.png", Png, WorkOrderFileKind.CallerFile)],
        });
        order = await OkAsync(ActAsync(hotline, order, "files", new AddFilesRequest(order.Revision, [File("举报信（已去除身份信息）.pdf", Pdf, WorkOrderFileKind.CenterFile)])));
        Assert.Equal(3, order.Files.Count); // the center sees all

        var seen = await (await market.GetAsync($"{Root}/orders/{order.Id}")).ReadAsync<WorkOrderView>();
        var visible = Assert.Single(seen.Files);
        Assert.Equal(WorkOrderFileKind.CenterFile, visible.Kind);
        var raw = await (await market.GetAsync($"{Root}/orders/{order.Id}")).Content.ReadAsStringAsync();
        var page = await market.GetStringAsync($"/hotline/orders/{order.Id}");
        foreach (var text in new[] { raw, page })
        {
            Assert.DoesNotContain("张先生", text, StringComparison.Ordinal); // not even through a file's name
        }
        Assert.Contains("举报信（已去除身份信息）.pdf", page, StringComparison.Ordinal);
        foreach (var hidden in order.Files.Where(f => f.Kind != WorkOrderFileKind.CenterFile))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await market.GetAsync(hidden.Href)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await hotline.GetAsync(hidden.Href)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await market.GetAsync(visible.Href)).StatusCode);

        // A unit not on the order, and the public, get nothing; the tracking page shows no files.
        foreach (var f in order.Files)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await civil.GetAsync(f.Href)).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await app.Anonymous().GetAsync(f.Href)).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await app.Anonymous().GetAsync($"/api/v1/hotline/files/{f.Id}")).StatusCode);
        }
        var tracked = await app.Anonymous().PostAsJsonAsync($"{Root}/public/track", new PublicTrackRequest(order.Number, "0091"), Json.Options);
        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        var tracking = await tracked.Content.ReadAsStringAsync();
        Assert.DoesNotContain(".pdf", tracking, StringComparison.Ordinal);
        Assert.DoesNotContain("files", tracking, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_co_handler_sees_an_ordinary_orders_files_and_contributes_with_its_own()
    {
        var hotline = await app.SignedIn("hotline");
        var market = await app.SignedIn("reviewer.sj");
        var town = await app.SignedIn(Seeding.HotlineSeed.TownUserName);
        var order = await HandlingAsync(hotline, market, Call("协办附件：集贸市场占道") with { Files = [File("占道照片.png", Png)] }, await UnitAsync(hotline, Town));

        var seen = await (await town.GetAsync($"{Root}/orders/{order.Id}")).ReadAsync<WorkOrderView>();
        var photo = Assert.Single(seen.Files);
        Assert.Equal(HttpStatusCode.OK, (await town.GetAsync(photo.Href)).StatusCode);
        var contributed = await OkAsync(ActAsync(town, seen, "contribute", new ContributeRequest(seen.Revision, "已安排城管巡查", [File("巡查记录.pdf", Pdf)])));
        Assert.Contains(contributed.Files, f => f.Kind == WorkOrderFileKind.ContributionFile && f.UnitName == Town);
        var lead = await (await market.GetAsync($"{Root}/orders/{order.Id}")).ReadAsync<WorkOrderView>();
        Assert.Equal(2, lead.Files.Count);
    }

    [Fact]
    public async Task The_public_form_sends_a_photo_and_a_refused_file_registers_nothing()
    {
        var citizen = app.Anonymous();
        var form = await citizen.GetStringAsync("/hotline/new");
        Assert.Contains("enctype=\"multipart/form-data\"", form, StringComparison.Ordinal);

        async Task<HttpResponseMessage> SendAsync(string content, string fileName, byte[] file)
        {
            var body = new MultipartFormDataContent
            {
                { new StringContent(OneWindowFactory.AntiforgeryToken(form)), "__RequestVerificationToken" },
                { new StringContent("Complaint"), "Type" }, { new StringContent("SC.03"), "CategoryCode" }, { new StringContent("431025100001"), "RegionCode" },
                { new StringContent(content), "Details" }, { new StringContent("13907356690"), "CallerPhone" }, { new StringContent("false"), "Anonymous" },
                { new StringContent("false"), "Confidential" },
            };
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            body.Add(part, "Files", fileName);
            return await citizen.PostAsync("/hotline/new", body);
        }

        var refused = await SendAsync("网页反映：附件不合规", "说明.txt", "纯文本"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("不是可接受的文件", html, StringComparison.Ordinal);
        Assert.Contains("网页反映：附件不合规", html, StringComparison.Ordinal); // what was typed is kept
        Assert.Equal(0, await OrdersWithAsync("网页反映：附件不合规"));

        var sent = await SendAsync("网页反映：附照片", "路面坑洼.jpg", [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[256]]);
        Assert.Contains("工单编号", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var order = await db.Set<WorkOrder>().AsNoTracking().SingleAsync(o => o.Content == "网页反映：附照片");
            var file = await db.Set<WorkOrderFile>().AsNoTracking().SingleAsync(f => f.WorkOrderId == order.Id);
            Assert.Equal((WorkOrderFileKind.CallerFile, "image/jpeg", "路面坑洼.jpg", "来电人"), (file.Kind, file.ContentType, file.FileName, file.AddedBy));
            Assert.Equal(WorkOrderFile.Purpose, (await db.StoredFiles.AsNoTracking().SingleAsync(s => s.Id == file.StoredFileId)).Purpose);
        }
    }

    [Fact]
    public async Task The_unit_replies_on_its_page_with_a_file_listed_with_its_size_and_type()
    {
        var hotline = await app.SignedIn("hotline");
        var market = await app.SignedIn("reviewer.sj");
        var order = await HandlingAsync(hotline, market, Call("页面答复附件：外卖店无证经营"));
        var page = await market.GetStringAsync($"/hotline/orders/{order.Id}");
        var body = new MultipartFormDataContent
        {
            { new StringContent(OneWindowFactory.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("reply"), "act" }, { new StringContent(order.Revision.ToString(CultureInfo.InvariantCulture)), "Revision" },
            { new StringContent("Resolved"), "Result" }, { new StringContent("已责令停业整改"), "Text" },
            { new ByteArrayContent(Pdf), "Files", "责令整改通知书.pdf" },
        };
        var replied = await market.PostAsync($"/hotline/orders/{order.Id}", body);
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        var after = await market.GetStringAsync($"/hotline/orders/{order.Id}");
        Assert.Contains("责令整改通知书.pdf", after, StringComparison.Ordinal);
        Assert.Contains("答复附件", after, StringComparison.Ordinal);
        Assert.Contains("2 KB", after, StringComparison.Ordinal);
        Assert.Contains(">PDF<", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verify_command_catches_a_swapped_and_a_removed_file()
    {
        var hotline = await app.SignedIn("hotline");
        var swapped = await RegisterAsync(hotline, Call("记录链：附件被替换") with { Files = [File("原件.pdf", Pdf)] });
        var removed = await RegisterAsync(hotline, Call("记录链：附件被删除") with { Files = [File("原件.pdf", Pdf)] });
        var sound = await RegisterAsync(hotline, Call("记录链：附件未改动") with { Files = [File("原件.pdf", Pdf)] });

        var (before, beforeOutput) = await AppProcess.RunCommandAsync(app.Database, "verify-chains");
        Assert.True(before == 0, beforeOutput);

        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var other = "%PDF-1.4 另一份文件"u8.ToArray();
            var storedId = await db.Set<WorkOrderFile>().Where(f => f.WorkOrderId == swapped.Id).Select(f => f.StoredFileId).SingleAsync();
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"StoredFiles\" SET \"Content\" = {other} WHERE \"Id\" = {storedId}");
            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"WorkOrderFiles\" WHERE \"WorkOrderId\" = {removed.Id}");
        }

        var (exitCode, output) = await AppProcess.RunCommandAsync(app.Database, "verify-chains");
        Assert.Equal(1, exitCode);
        Assert.Contains($"BROKEN {swapped.Number}: 工单的附件与记录不符", output, StringComparison.Ordinal);
        Assert.Contains($"BROKEN {removed.Number}: 工单的附件与记录不符", output, StringComparison.Ordinal);
        Assert.DoesNotContain("BROKEN " + sound.Number, output, StringComparison.Ordinal);
    }
}
