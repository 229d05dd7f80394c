using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// A minimal Office Open XML workbook (.xlsx): one sheet per call, text as inline strings (neutralized like every
/// export's, <see cref="SpreadsheetCells"/>: whoever saves the sheet as CSV must not get a formula back), numbers as
/// numbers, the first row bold and frozen. Enough for the tables the center exports; Excel, WPS and LibreOffice open it.
/// </summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(string sheetName, IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""");
            Part(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
            Part(zip, "xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{Escape(SheetName(sheetName))}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part(zip, "xl/styles.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>""");
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open());
            sheet.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>""");
            for (var r = 0; r < rows.Count; r++)
            {
                sheet.Write($"<row r=\"{r + 1}\">");
                for (var c = 0; c < rows[r].Count; c++)
                {
                    var cell = $"{Column(c)}{r + 1}";
                    var style = r == 0 ? " s=\"1\"" : "";
                    switch (rows[r][c])
                    {
                        case null:
                            break;
                        case int or long or decimal or double:
                            sheet.Write($"<c r=\"{cell}\"{style}><v>{Convert.ToString(rows[r][c], CultureInfo.InvariantCulture)}</v></c>");
                            break;
                        default:
                            sheet.Write($"<c r=\"{cell}\" t=\"inlineStr\"{style}><is><t xml:space=\"preserve\">{Text(Convert.ToString(rows[r][c], CultureInfo.InvariantCulture) ?? "")}</t></is></c>");
                            break;
                    }
                }
                sheet.Write("</row>");
            }
            sheet.Write("</sheetData></worksheet>");
        }
        return buffer.ToArray();
    }

    /// <summary>A1-style column letters: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string Column(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + (i - 1) % 26) + name;
        }
        return name;
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open());
        writer.Write(xml);
    }

    // Sheet names: at most 31 characters, none of : \ / ? * [ ].
    private static string SheetName(string name) => new string([.. name.Where(ch => !":\\/?*[]".Contains(ch, StringComparison.Ordinal))]) is { Length: > 0 } n ? n[..Math.Min(31, n.Length)] : "Sheet1";

    /// <summary>A text cell's content: cleaned first, so that a dropped control character cannot uncover a formula.</summary>
    private static string Text(string text) => Escape(SpreadsheetCells.Neutralize(Clean(text)));

    // XML 1.0 has no place for most control characters; they are dropped rather than break the file.
    private static string Clean(string text) => new([.. text.Where(ch => ch is '\t' or '\n' or '\r' || ch >= ' ')]);

    private static string Escape(string text) => System.Security.SecurityElement.Escape(Clean(text)) ?? "";
}
