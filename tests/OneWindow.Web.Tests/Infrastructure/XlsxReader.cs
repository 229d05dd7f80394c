using System.IO.Compression;
using System.Xml.Linq;

namespace OneWindow.Web.Tests.Infrastructure;

/// <summary>Reads back the first sheet of an .xlsx the app wrote: each row's cells by column (A = 0), as the text Excel shows.</summary>
public static class XlsxReader
{
    private static readonly XNamespace Ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static List<List<string>> Rows(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook));
        using var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        var xml = XDocument.Load(sheet);
        return [.. xml.Descendants(Ns + "row").Select(row =>
        {
            var cells = new List<string>();
            foreach (var c in row.Elements(Ns + "c"))
            {
                var column = Column(((string)c.Attribute("r")!).TakeWhile(char.IsAsciiLetter));
                while (cells.Count < column)
                {
                    cells.Add("");
                }
                cells.Add(c.Value);
            }
            return cells;
        })];
    }

    private static int Column(IEnumerable<char> letters) => letters.Aggregate(0, (n, ch) => n * 26 + (ch - 'A' + 1)) - 1;
}
