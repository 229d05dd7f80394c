using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OneWindow.BrowserTests;

/// <summary>The citizen's online journey and the fan-out of a combined application, in a real browser.</summary>
public partial class OnlineJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    private const string Citizen = "13907350001"; // the demo applicant 张建国
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    [Fact]
    public async Task A_citizen_applies_online_supplements_is_accepted_reviewed_decided_then_tracks_and_rates()
    {
        var citizen = await app.NewPageAsync();
        await AppServer.SignInAsync(citizen, Citizen, landing: "my");
        await citizen.GotoAsync("/guides/431025-SJ-003");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "在线申报" }).ClickAsync();
        await citizen.ArriveAtAsync("**/my/apply?item=431025-SJ-003");
        var inputs = citizen.Locator("input[type=file]");
        for (var i = 0; i < await inputs.CountAsync(); i++)
        {
            await inputs.Nth(i).SetInputFilesAsync(new FilePayload { Name = $"材料{i + 1}.pdf", MimeType = "application/pdf", Buffer = Pdf });
        }
        // The same application form the window asks (一表通), filled in by the citizen.
        await citizen.FillApplicationFormAsync("431025-SJ-003", "Form.Answers", new Dictionary<string, string> { ["enterprise.name"] = "临武县张建国小吃店" });
        await AppServer.ScreenshotAsync(citizen, "30-online-apply");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await citizen.GetByText("政务服务中心将在 1 个工作日内预审").First.WaitForAsync();
        var caseUrl = citizen.Url;
        var number = CaseNumber().Match(await citizen.Locator("h1").InnerTextAsync()).Value;
        Assert.False(string.IsNullOrEmpty(number));

        // The comprehensive window pre-reviews it and sends a one-time correction notice.
        var clerk = await app.NewPageAsync();
        await AppServer.SignInAsync(clerk, "clerk");
        await clerk.GotoAsync("/workbench/cases/" + number);
        await Act(clerk, "pre-review-pass", "预审通过（收件）");
        await clerk.GetByLabel("需补正的全部材料（每行一项）").FillAsync("从业人员健康证明");
        await Act(clerk, "correction", "一次性告知补正");

        // The citizen sees the notice and uploads the missing paper.
        await citizen.GotoAsync(caseUrl);
        await citizen.GetByText("一次性告知：请补正以下材料").WaitForAsync();
        await citizen.GetByLabel("从业人员健康证明").SetInputFilesAsync(new FilePayload { Name = "健康证明.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await AppServer.ScreenshotAsync(citizen, "31-online-supplement");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交补正材料" }).ClickAsync();
        await citizen.GetByText("补正材料已提交").WaitForAsync();

        // Accepted, reviewed, decided, issued and delivered by the staff of the hall and of the department.
        await clerk.ReloadAsync();
        await Act(clerk, "accept", "受理");
        var reviewer = await app.NewPageAsync();
        await AppServer.SignInAsync(reviewer, "reviewer.sj");
        await reviewer.GotoAsync("/workbench/cases/" + number);
        await reviewer.GetByLabel("“审查”环节意见").FillAsync("经现场核查，设备设施布局符合要求，建议准予许可");
        await Act(reviewer, "complete-node", "提交本环节意见");
        var approver = await app.NewPageAsync();
        await AppServer.SignInAsync(approver, "approver.sj");
        await approver.GotoAsync("/workbench/cases/" + number);
        // A food business licence names its business items (经营项目) and is valid for five years.
        await approver.GetByLabel("经营项目（准予时必填）").FillAsync("热食类食品制售");
        await Act(approver, "decide", "作出决定");
        await clerk.ReloadAsync();
        await clerk.GetByLabel("证照或决定书编号").FillAsync("JY24310250001234");
        await Act(clerk, "issue", "出证");
        await Act(clerk, "deliver", "送达并办结");

        // The citizen finds it concluded among their own cases, follows it on the tracking page and rates it.
        await citizen.GotoAsync("/my");
        Assert.Contains(number, await citizen.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await citizen.GotoAsync(caseUrl);
        Assert.Contains("已办结", await citizen.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(citizen, "32-online-concluded");
        // The decision is among the case's documents, the same the clerk prints.
        await citizen.GetByRole(AriaRole.Link, new() { Name = "准予行政许可决定书" }).ClickAsync();
        await citizen.GetByText("JY24310250001234").First.WaitForAsync();
        await AppServer.ScreenshotAsync(citizen, "32b-online-decision-notice");
        await citizen.SetViewportSizeAsync(390, 844);
        await AppServer.ScreenshotAsync(citizen, "32c-online-decision-notice-phone");
        await citizen.SetViewportSizeAsync(1280, 900);
        await citizen.GotoAsync(caseUrl);
        await citizen.GetByRole(AriaRole.Link, new() { Name = "评价本次办事" }).ClickAsync();
        await citizen.GetByText("JY24310250001234").First.WaitForAsync();
        await citizen.GetByLabel("非常满意").CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await citizen.GetByText("感谢您的评价！").WaitForAsync();
        await AppServer.ScreenshotAsync(citizen, "33-online-rated");
    }

    [Fact]
    public async Task A_file_over_the_limit_is_caught_in_the_browser_the_rest_is_saved_and_files_can_be_removed_or_replaced()
    {
        var citizen = await app.NewPageAsync(width: 1366, height: 768);
        await AppServer.SignInAsync(citizen, Citizen, landing: "my");
        await citizen.GotoAsync("/my/apply?item=431025-SJ-003");
        var inputs = citizen.Locator("input[type=file]");
        var big = new byte[11 * 1024 * 1024];
        Encoding.ASCII.GetBytes("%PDF-1.4\n").CopyTo(big, 0);
        await inputs.Nth(0).SetInputFilesAsync(new FilePayload { Name = "扫描件.pdf", MimeType = "application/pdf", Buffer = big });
        // Told at once, by name, and the file is not sent.
        await citizen.GetByText("“扫描件.pdf”超过 10 MB，未选入").WaitForAsync();
        Assert.Equal(0, await inputs.Nth(0).EvaluateAsync<int>("input => input.files.length"));
        await inputs.Nth(1).SetInputFilesAsync(new FilePayload { Name = "营业执照.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await citizen.GetByRole(AriaRole.Radio, new() { Name = "邮政寄递" }).CheckAsync();
        await citizen.GetByLabel("邮寄地址（选择邮政寄递时必填：收件人、电话、详细地址）").FillAsync("湖南省郴州市临武县舜峰镇建设路8号 张建国 13907350001");
        await AppServer.ScreenshotAsync(citizen, "35-online-apply-file-too-large");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await citizen.GetByText("草稿已保存").WaitForAsync();
        var files = citizen.Locator("section:has(h2:text('已上传材料'))");
        Assert.Contains("营业执照.pdf", await files.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await citizen.GetByRole(AriaRole.Radio, new() { Name = "邮政寄递" }).IsCheckedAsync());

        // Replace it, then remove the replacement, before submitting; on a phone.
        await citizen.SetViewportSizeAsync(390, 844);
        await citizen.Locator("fieldset.application-form").First.ScrollIntoViewIfNeededAsync();
        await AppServer.ScreenshotAsync(citizen, "36a-online-application-form-phone");
        await citizen.GetByLabel("替换 营业执照.pdf 为").SetInputFilesAsync(new FilePayload { Name = "营业执照-清晰.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await AppServer.ScreenshotAsync(citizen, "36-online-draft-files-phone");
        await files.GetByRole(AriaRole.Button, new() { Name = "替换", Exact = true }).ClickAsync();
        await citizen.GetByText("文件已替换").WaitForAsync();
        Assert.Contains("营业执照-清晰.pdf", await files.InnerTextAsync(), StringComparison.Ordinal);
        await files.GetByRole(AriaRole.Button, new() { Name = "删除 营业执照-清晰.pdf" }).ClickAsync();
        await citizen.GetByText("文件已删除").WaitForAsync();
        Assert.Contains("尚未上传", await files.InnerTextAsync(), StringComparison.Ordinal);
        await citizen.SetViewportSizeAsync(1366, 768);
        await AppServer.ScreenshotAsync(citizen, "37-online-draft-after-removal");
    }

    [Fact]
    public async Task A_combined_application_fans_out_to_the_departments()
    {
        var clerk = await app.NewPageAsync();
        await AppServer.SignInAsync(clerk, "clerk");
        await clerk.GotoAsync("/workbench/cases/new");
        await clerk.GetByLabel("办理事项").SelectOptionAsync("431025-YJS-001");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "选择事项" }).ClickAsync();
        // The enterprise does not exist yet: its founder applies as a person, and the name to register is on the one form.
        await clerk.GetByLabel("自然人（居民身份证）").CheckAsync();
        await clerk.GetByLabel("申请人名称").FillAsync("李东山");
        await clerk.GetByLabel("证件号码").FillAsync("11010519491231002X");
        await clerk.GetByLabel("联系电话", new() { Exact = true }).FillAsync("13907355678");
        await clerk.FillApplicationFormAsync("431025-YJS-001", "Form", new Dictionary<string, string> { ["enterprise.name"] = "临武县东山油茶科技有限公司", ["legalRepresentative.name"] = "李东山" });
        await AppServer.ScreenshotAsync(clerk, "33b-joint-intake-one-form");
        foreach (var box in await clerk.Locator("input[name=Provided]").AllAsync())
        {
            await box.CheckAsync();
        }
        await clerk.GetByRole(AriaRole.Button, new() { Name = "收件登记" }).ClickAsync();
        await clerk.ArriveAtAsync("**/workbench/cases/431025-*");
        var number = CaseNumber().Match(await clerk.Locator("h1").InnerTextAsync()).Value;
        await Act(clerk, "accept", "受理");
        var parts = clerk.Locator("section:has(h2:text('各部门并联办理')) tbody tr");
        Assert.Equal(4, await parts.CountAsync());
        var text = await clerk.Locator("section:has(h2:text('各部门并联办理'))").InnerTextAsync();
        foreach (var department in new[] { "临武县市场监督管理局", "临武县公安局", "国家税务总局临武县税务局", "临武县人力资源和社会保障局" })
        {
            Assert.Contains(department, text, StringComparison.Ordinal);
        }
        await AppServer.ScreenshotAsync(clerk, "34-joint-fanned-out");

        // The police window finds its part in its inbox and decides it there.
        var police = await app.NewPageAsync();
        await AppServer.SignInAsync(police, "clerk.ga");
        await police.GotoAsync("/workbench/cases");
        await police.GetByRole(AriaRole.Link, new() { Name = number + "-02" }).ClickAsync();
        Assert.Contains("公章刻制备案", await police.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        // The part holds the answers to its own questions from the package's one form: the seals, for the enterprise to be.
        await police.Locator("details.application-answers summary").ClickAsync();
        await AppServer.ScreenshotAsync(police, "34b-joint-part-application-form");
        var answered = await police.Locator("details.application-answers").InnerTextAsync();
        Assert.Contains("临武县东山油茶科技有限公司", answered, StringComparison.Ordinal);
        Assert.Contains("公章 1 枚", answered, StringComparison.Ordinal);
        Assert.DoesNotContain("注册资本", answered, StringComparison.Ordinal);
        await police.GetByRole(AriaRole.Link, new() { Name = "打印申请表" }).ClickAsync();
        await police.ArriveAtAsync("**/application-form");
        await AppServer.ScreenshotAsync(police, "34c-joint-part-application-form-printed");
        Assert.Contains("申请人（签字或盖章）", await police.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await police.GoBackAsync();
        await Act(police, "decide", "作出决定");
        await clerk.ReloadAsync();
        Assert.Contains("准予", await clerk.Locator("section:has(h2:text('各部门并联办理')) tbody tr").Nth(1).InnerTextAsync(), StringComparison.Ordinal);
    }

    private static async Task Act(IPage page, string action, string button)
    {
        await page.Locator($"form:has(input[name=action][value={action}])").GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
        var error = page.Locator("main .notice.error");
        if (await error.CountAsync() > 0)
        {
            throw new InvalidOperationException($"{action} was refused: {await error.InnerTextAsync()}");
        }
    }

    [GeneratedRegex(@"431025-\d{8}-\d{5}")]
    private static partial Regex CaseNumber();
}
