using Microsoft.Playwright;

namespace OneWindow.BrowserTests;

/// <summary>
/// A work order's files in the browser (ADR 0036): a citizen reports on a phone with a photo, the center dispatches,
/// the department signs and replies with its rectification notice; the files are listed on the order's page with their
/// kind, format and size, at 1366 and at 390 pixels, and the tracking page shows none.
/// </summary>
public class WorkOrderFileJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[40 * 1024]];
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n"u8, .. new byte[120 * 1024]];

    private static async Task Act(IPage page, string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已保存" }).WaitForAsync();
    }

    [Fact]
    public async Task A_citizen_sends_a_photo_and_the_department_replies_with_its_notice()
    {
        var phone = await app.NewPageAsync(width: 390, height: 844);
        await phone.GotoAsync("/hotline/new");
        await phone.GetByLabel("诉求类型").SelectOptionAsync("Complaint");
        await phone.GetByLabel("诉求分类").SelectOptionAsync("SC.01");
        await phone.GetByLabel("所在区划").SelectOptionAsync("431025100001");
        await phone.GetByLabel("反映内容").FillAsync("人民路菜市场一家熟食店无证经营，附现场照片");
        await phone.GetByLabel("手机号").FillAsync("13907357766");
        // A file that is not what its name says: refused, nothing registered, what was typed kept.
        await phone.GetByLabel("照片或材料").SetInputFilesAsync(new FilePayload { Name = "现场.jpg", MimeType = "image/jpeg", Buffer = "不是图片"u8.ToArray() });
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Alert)).ToContainTextAsync("不是可接受的文件");
        await Assertions.Expect(phone.GetByLabel("反映内容")).ToHaveValueAsync("人民路菜市场一家熟食店无证经营，附现场照片");
        await AppServer.ScreenshotAsync(phone, "89-hotline-public-form-file-refused-phone");
        await phone.GetByLabel("手机号").FillAsync("13907357766");
        await phone.GetByLabel("照片或材料").SetInputFilesAsync(new FilePayload { Name = "现场照片.jpg", MimeType = "image/jpeg", Buffer = Jpeg });
        await AppServer.ScreenshotAsync(phone, "90-hotline-public-form-file-phone");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        var number = await phone.Locator(".tracking-code").InnerTextAsync();

        // The center opens it from the queue, sees the photo and dispatches it to the market regulator.
        var op = await app.NewPageAsync(width: 1366, height: 768);
        await AppServer.SignInAsync(op, "hotline");
        await op.GotoAsync("/hotline/lists/Registered");
        await op.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await op.ArriveAtAsync("**/hotline/orders/*");
        var orderUrl = op.Url;
        var files = op.GetByRole(AriaRole.Region, new() { Name = "附件" });
        await Assertions.Expect(files).ToContainTextAsync("现场照片.jpg");
        await Assertions.Expect(files).ToContainTextAsync("来电人材料");
        await Assertions.Expect(files).ToContainTextAsync("JPEG");
        await op.GetByLabel("主办单位").First.SelectOptionAsync(new SelectOptionValue { Label = "临武县市场监督管理局" });
        await Act(op, "派单");

        // The department signs and replies with its notice; the files are on the order's page with kind, format and size.
        var market = await app.NewPageAsync(width: 1366, height: 768);
        await AppServer.SignInAsync(market, "reviewer.sj");
        await market.GotoAsync(orderUrl);
        await Act(market, "签收");
        await market.GetByLabel("答复内容").FillAsync("已立案查处，责令停业整改，附整改通知书");
        await market.GetByLabel("答复附件").SetInputFilesAsync(new FilePayload { Name = "责令整改通知书.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await Act(market, "答复");
        files = market.GetByRole(AriaRole.Region, new() { Name = "附件" });
        await Assertions.Expect(files).ToContainTextAsync("责令整改通知书.pdf");
        await Assertions.Expect(files).ToContainTextAsync("答复附件");
        await Assertions.Expect(files).ToContainTextAsync("120 KB");
        await Assertions.Expect(files).ToContainTextAsync("现场照片.jpg"); // the caller's photo: an ordinary order's, the unit sees it
        var download = await market.RunAndWaitForDownloadAsync(() => files.GetByRole(AriaRole.Link, new() { Name = "责令整改通知书.pdf" }).ClickAsync());
        Assert.Equal("责令整改通知书.pdf", download.SuggestedFilename);
        await AppServer.ScreenshotAsync(market, "91-hotline-order-files");

        var unitPhone = await app.NewPageAsync(width: 390, height: 844);
        await AppServer.SignInAsync(unitPhone, "reviewer.sj");
        await unitPhone.GotoAsync(orderUrl);
        await AppServer.ScreenshotAsync(unitPhone, "92-hotline-order-files-phone");

        // The public tracking shows no files.
        await phone.GotoAsync($"/hotline/track?number={number}");
        await phone.GetByLabel("手机号后四位").FillAsync("7766");
        await phone.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync(number);
        await Assertions.Expect(phone.Locator("main")).Not.ToContainTextAsync("现场照片");
        await Assertions.Expect(phone.Locator("main")).Not.ToContainTextAsync("附件");
    }
}
