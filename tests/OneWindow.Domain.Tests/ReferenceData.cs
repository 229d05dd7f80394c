namespace OneWindow.Domain.Tests;

/// <summary>
/// The reference data the tests check the domain against, copied into this project under ReferenceData/ with its
/// origin and licence (ReferenceData/SOURCE.md) and copied to the output directory, so the tests need nothing beside
/// the repository.
/// </summary>
internal static class ReferenceData
{
    public static string PathOf(string relative)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "ReferenceData", relative);
        return File.Exists(path) ? path : throw new FileNotFoundException("Reference data missing from the test output (see ReferenceData/SOURCE.md).", path);
    }

    /// <summary>Reads a simple CSV (quoted fields allowed, no embedded newlines) into dictionaries by header.</summary>
    public static IEnumerable<Dictionary<string, string>> ReadCsv(string relative)
    {
        using var reader = new StreamReader(PathOf(relative));
        var header = SplitCsvLine(reader.ReadLine()!);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var fields = SplitCsvLine(line);
            yield return header.Select((h, i) => (h, v: i < fields.Count ? fields[i] : "")).ToDictionary(x => x.h, x => x.v);
        }
    }

    private static List<string> SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { current.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { fields.Add(current.ToString()); current.Clear(); }
            else { current.Append(c); }
        }
        fields.Add(current.ToString());
        return fields;
    }
}
