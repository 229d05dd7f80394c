using OneWindow.Web.Modules.Audit;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Organization;

public sealed record CountyImportResult(string CountyCode, string CountyName, int Towns, int Villages, int Added);

/// <summary>
/// Imports one county with all its towns and villages from the shipped NBS 2023 division codes
/// (ReferenceData/admin-divisions). Existing regions are updated, none is deleted; running it twice changes nothing.
/// </summary>
public sealed class ImportCounty(OneWindowDbContext db, WriteUnit unit, IWebHostEnvironment env, TimeProvider clock)
{
    public async Task<CountyImportResult> RunAsync(string countyCode, string actor, CancellationToken ct = default)
    {
        var code6 = countyCode.Trim();
        if (code6.Length == 12 && code6.EndsWith("000000", StringComparison.Ordinal))
        {
            code6 = code6[..6];
        }
        if (code6.Length != 6 || !code6.All(char.IsAsciiDigit))
        {
            throw new DomainRuleException("region.county-code-invalid", "请输入 6 位县级区划代码（如 431025）。");
        }
        var folder = Path.Combine(env.ContentRootPath, "ReferenceData", "admin-divisions");
        if (!Directory.Exists(folder))
        {
            folder = Path.Combine(AppContext.BaseDirectory, "ReferenceData", "admin-divisions");
        }
        var county = ReadCsv(Path.Combine(folder, "areas.csv")).FirstOrDefault(r => r[0] == code6)
            ?? throw new DomainRuleException("region.county-unknown", $"区划代码 {code6} 不是已知的县级区划。");
        var city = ReadCsv(Path.Combine(folder, "cities.csv")).First(r => r[0] == code6[..4]);
        var province = ReadCsv(Path.Combine(folder, "provinces.csv")).First(r => r[0] == code6[..2]);

        var rows = new List<Region>
        {
            new() { Code = code6[..2] + "0000000000", Name = province[1], Level = RegionLevel.Province },
            new() { Code = code6[..4] + "00000000", Name = city[1], Level = RegionLevel.City, ParentCode = code6[..2] + "0000000000" },
            new() { Code = code6 + "000000", Name = county[1], Level = RegionLevel.County, ParentCode = code6[..4] + "00000000" },
        };
        var towns = ReadCsv(Path.Combine(folder, "streets.csv.gz")).Where(r => r[2] == code6)
            .Select(r => new Region { Code = r[0] + "000", Name = r[1], Level = RegionLevel.Town, ParentCode = code6 + "000000" }).ToList();
        var villages = ReadCsv(Path.Combine(folder, "villages.csv.gz")).Where(r => r[5] == code6)
            .Select(r => new Region { Code = r[0], Name = r[1], Level = RegionLevel.Village, ParentCode = r[2] + "000" }).ToList();
        rows.AddRange(towns);
        rows.AddRange(villages);

        var codes = rows.Select(r => r.Code).ToList();
        var existing = await db.Regions.Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, ct);
        var added = 0;
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row.Code, out var current))
            {
                current.Name = row.Name;
            }
            else
            {
                db.Regions.Add(row);
                added++;
            }
        }
        db.Audit(clock.GetUtcNow().UtcDateTime, actor, "Region", code6 + "000000", "county-imported", new { towns = towns.Count, villages = villages.Count, added });
        await unit.SaveAsync(ct);
        return new CountyImportResult(code6 + "000000", county[1], towns.Count, villages.Count, added);
    }

    /// <summary>Reads the division CSVs: plain or gzip, a header line, quoted names without embedded commas.</summary>
    private static IEnumerable<string[]> ReadCsv(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            yield return line.Split(',').Select(f => f.Trim('"')).ToArray();
        }
    }
}
