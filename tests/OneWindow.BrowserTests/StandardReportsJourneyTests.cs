using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Playwright;
using OneWindow.Web.Modules.Catalog;

namespace OneWindow.BrowserTests;

/// <summary>
/// The journey: a leader picks last quarter on the report page, breaks it down by town, drills into one town's
/// overdue cases, downloads the Excel and it opens with the same figures; then the work report and the monthly
/// bulletin, printed pages at both sizes.
/// </summary>
public class StandardReportsJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public async Task A_leader_takes_last_quarter_by_town_drills_into_a_towns_overdue_cases_and_downloads_the_same_figures()
    {
        // 汾市镇's hall takes in a food business licence for 市场监管 (promised in 5 working days) today ...
        var town = await app.ApiAsync("clerk.town");
        var created = await (await town.PostAsJsonAsync("/api/v1/cases", new
        {
            itemCode = "431025-SJ-003", applicantKind = "Person", applicantName = "汾市镇 钱超期", identityNumber = "11010519491231002X", phone = "13800000000",
            materialsProvided = DemoCatalog.RequiredMaterials("431025-SJ-003"), form = DemoApplicationForms.SampleAnswers("431025-SJ-003"),
        })).Content.ReadFromJsonAsync<JsonElement>();
        var number = created.GetProperty("number").GetString()!;
        var revision = await ActAsync(town, number, 1, "accept", new { });

        // ... and the department decides it 25 days later, long past its promise: an overdue case (超期件) of that quarter.
        var concludedOn = DateTimeOffset.UtcNow.ToOffset(China).AddDays(25);
        await app.ShiftClockAsync(TimeSpan.FromDays(25));
        await Task.Delay(400);
        revision = await ActAsync(await app.ApiAsync("reviewer.sj"), number, revision, "complete-node", new { opinion = "材料齐全，场所符合要求" });
        revision = await ActAsync(await app.ApiAsync("approver.sj"), number, revision, "decide", new { outcome = "Grant", scope = "热食类食品制售" });
        town = await app.ApiAsync("clerk.town");
        revision = await ActAsync(town, number, revision, "issue", new { resultNumber = "JY-" + number });
        await ActAsync(town, number, revision, "deliver", new { method = "WindowPickup" });

        // Ten days into the next quarter, that one is "last quarter".
        var quarterStart = new DateTime(concludedOn.Year, (concludedOn.Month - 1) / 3 * 3 + 1, 1).AddMonths(3);
        var lastQuarter = $"{concludedOn.Year}-Q{(concludedOn.Month - 1) / 3 + 1}";
        await app.ShiftClockAsync(quarterStart.AddDays(10) - DateTimeOffset.UtcNow.ToOffset(China).Date);
        await Task.Delay(400);

        foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
        {
            var page = await app.NewPageAsync(width: width, height: height);
            await AppServer.SignInAsync(page, "leader");
            await page.GotoAsync("/statistics");
            await page.GetByRole(AriaRole.Link, new() { Name = "上季度", Exact = true }).ClickAsync();
            await page.ArriveAtAsync("**/statistics?period=" + lastQuarter + "*");
            await Assertions.Expect(page.GetByLabel("统计期")).ToHaveValueAsync(lastQuarter);
            await page.GetByLabel("分组").SelectOptionAsync("Region");
            await page.GetByLabel("区域层级").SelectOptionAsync("9");
            await page.GetByRole(AriaRole.Button, new() { Name = "统计" }).ClickAsync();
            await page.ArriveAtAsync("**/statistics?*by=Region*");
            var row = page.Locator("table.report tbody tr", new() { HasText = "汾市镇" });
            await Assertions.Expect(row).ToBeVisibleAsync();
            await AppServer.ScreenshotAsync(page, $"93-statistics-last-quarter-by-town-{width}");

            // The figures on the page, by column head.
            var heads = await page.Locator("table.report thead th").AllInnerTextsAsync();
            var cells = await row.Locator("th, td").AllInnerTextsAsync();
            var overdueColumn = heads.ToList().FindIndex(h => h.StartsWith("超期件", StringComparison.Ordinal));
            Assert.True(overdueColumn > 0);
            Assert.Equal("1", cells[overdueColumn].Trim());

            // The Excel opens with the same row and figures.
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出 Excel" }).ClickAsync());
            var sheet = Read(await File.ReadAllBytesAsync((await download.PathAsync())!));
            Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
            var excelRow = sheet.Single(r => r.Count > 0 && r[0] == "汾市镇");
            Assert.Equal(cells.Count, excelRow.Count);
            for (var k = 1; k < cells.Count; k++)
            {
                Assert.Equal(Figure(cells[k]), Figure(excelRow[k]));
            }

            if (width == 1366)
            {
                // Drill into the town's overdue cases: the one case, by its number.
                await row.Locator("a[href*='indicator=Overdue']").ClickAsync();
                await page.ArriveAtAsync("**/statistics/cases?*");
                Assert.Contains(number, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
                await AppServer.ScreenshotAsync(page, $"93-statistics-town-overdue-cases-{width}");
            }

            // The quarter's work report and last month's bulletin, as printed pages.
            await page.GotoAsync("/statistics/work-report?period=" + lastQuarter);
            await Assertions.Expect(page.Locator("article.official-report h2")).ToContainTextAsync("政务服务工作报告");
            await Assertions.Expect(page.Locator("article.official-report table.readiness")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("article.official-report")).ToContainTextAsync("汾市镇");
            await Assertions.Expect(page.Locator("article.official-report")).ToContainTextAsync("五、收费项目");
            await AppServer.ScreenshotAsync(page, $"94-work-report-{width}");
            await page.GotoAsync("/statistics/bulletin");
            await Assertions.Expect(page.Locator("article.official-report h2")).ToContainTextAsync("窗口工作通报");
            await AppServer.ScreenshotAsync(page, $"95-monthly-bulletin-{width}");
        }
    }

    private static async Task<int> ActAsync(HttpClient client, string number, int revision, string action, object body)
    {
        var payload = JsonSerializer.SerializeToElement(body);
        var merged = new Dictionary<string, object?> { ["revision"] = revision };
        foreach (var p in payload.EnumerateObject())
        {
            merged[p.Name] = p.Value;
        }
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{number}/{action}", merged);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt32();
    }

    /// <summary>A figure as the page shows it (60.00%, 1, —) or as the sheet holds it (60, 1, —), to compare.</summary>
    private static string Figure(string text)
    {
        text = text.Trim().TrimEnd('%');
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d.ToString("0.00", CultureInfo.InvariantCulture) : text;
    }

    /// <summary>The first sheet of an .xlsx: each row's cells by column.</summary>
    private static List<List<string>> Read(byte[] workbook)
    {
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        using var zip = new ZipArchive(new MemoryStream(workbook));
        using var stream = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        return [.. XDocument.Load(stream).Descendants(ns + "row").Select(r =>
        {
            var cells = new List<string>();
            foreach (var c in r.Elements(ns + "c"))
            {
                var column = ((string)c.Attribute("r")!).TakeWhile(char.IsAsciiLetter).Aggregate(0, (n, ch) => n * 26 + (ch - 'A' + 1)) - 1;
                while (cells.Count < column)
                {
                    cells.Add("");
                }
                cells.Add(c.Value);
            }
            return cells;
        })];
    }
}
