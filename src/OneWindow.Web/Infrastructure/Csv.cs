using System.Text;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// RFC 4180 CSV: fields quoted when they hold a comma, a quote or a line break; quotes doubled. Every field written is
/// neutralized against formula injection (<see cref="SpreadsheetCells"/>) and every field read is restored, so what
/// one export writes, an import reads back unchanged.
/// </summary>
public static class Csv
{
    public static async Task WriteRowAsync(TextWriter writer, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields.Select(SpreadsheetCells.Neutralize))
        {
            if (!first)
            {
                await writer.WriteAsync(',');
            }
            first = false;
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                await writer.WriteAsync('"' + field.Replace("\"", "\"\"", StringComparison.Ordinal) + '"');
            }
            else
            {
                await writer.WriteAsync(field);
            }
        }
        await writer.WriteAsync("\r\n");
    }

    /// <summary>Reads every row; a quoted field may span lines; an apostrophe the export put before a formula-like text is removed. Throws <see cref="FormatException"/> on an unclosed quote.</summary>
    public static IEnumerable<string[]> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var atFieldStart = true;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    break;
                case ',':
                    fields.Add(SpreadsheetCells.Restore(field.ToString()));
                    field.Clear();
                    atFieldStart = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(SpreadsheetCells.Restore(field.ToString()));
                    field.Clear();
                    atFieldStart = true;
                    yield return [.. fields];
                    fields.Clear();
                    break;
                default:
                    field.Append(ch);
                    atFieldStart = false;
                    break;
            }
        }
        if (quoted)
        {
            throw new FormatException("CSV 文件中有未闭合的引号。");
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(SpreadsheetCells.Restore(field.ToString()));
            yield return [.. fields];
        }
    }
}
