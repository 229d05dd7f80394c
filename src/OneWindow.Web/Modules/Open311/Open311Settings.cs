using System.Globalization;
using OneWindow.Web.Modules.Organization;

namespace OneWindow.Web.Modules.Open311;

/// <summary>A latitude/longitude rectangle (WGS84) the jurisdiction lies in.</summary>
public sealed record GeoBounds(double South, double West, double North, double East)
{
    public bool Contains(double lat, double lng) => lat >= South && lat <= North && lng >= West && lng <= East;
}

/// <summary>
/// The jurisdiction the Open311 endpoint serves (<c>Open311:*</c>): one county, its 12-digit division code
/// (<c>CountyCode</c>, the demo county by default), the ids a client may name it by (<c>jurisdiction_id</c>: the
/// county's 6-digit code, and <c>JurisdictionId</c> when set, by the spec's custom the county's web domain), the
/// rectangle its territory lies in (<c>Bounds</c> = south,west,north,east; the demo county's by default), and what
/// the discovery document tells: <c>Contact</c>, <c>KeyService</c>, <c>EndpointUrl</c> (else the request's own address).
/// </summary>
public sealed class Open311Settings
{
    /// <summary>临武县's territory: about 25°03′–25°34′ N, 112°21′–112°56′ E (a rectangle slightly larger than the county).</summary>
    public static readonly GeoBounds DemoCountyBounds = new(25.05, 112.35, 25.58, 112.95);

    /// <summary>When the published interface (its endpoints and formats) last changed: discovery's changeset.</summary>
    public const string Changeset = "2026-12-05 00:00";

    public Open311Settings(IConfiguration configuration)
    {
        var section = configuration.GetSection("Open311");
        var county = section["CountyCode"]?.Trim();
        CountyCode = county is { Length: 6 } ? county + "000000" : county is { Length: 12 } ? county : DemoCounty.CountyCode;
        var ids = new List<string> { CountyCode[..6] };
        if (section["JurisdictionId"] is { Length: > 0 } id)
        {
            ids.Add(id.Trim());
        }
        JurisdictionIds = ids;
        Bounds = ParseBounds(section["Bounds"]) ?? DemoCountyBounds;
        Contact = section["Contact"] is { Length: > 0 } contact ? contact : "12345 政务服务便民热线中心";
        KeyService = section["KeyService"] is { Length: > 0 } keys ? keys : "接入密钥由政务服务中心管理员在“接入应用”中登记发放，范围 open311:write。";
        EndpointUrl = section["EndpointUrl"] is { Length: > 0 } url ? url.TrimEnd('/') : null;
    }

    public string CountyCode { get; }
    public IReadOnlyList<string> JurisdictionIds { get; }
    public GeoBounds Bounds { get; }
    public string Contact { get; }
    public string KeyService { get; }
    public string? EndpointUrl { get; }

    public bool IsJurisdiction(string id) => JurisdictionIds.Any(j => string.Equals(j, id.Trim(), StringComparison.OrdinalIgnoreCase));

    private static GeoBounds? ParseBounds(string? text)
    {
        var parts = text?.Split(',', StringSplitOptions.TrimEntries);
        if (parts is not { Length: 4 })
        {
            return null;
        }
        var values = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
        return values.Any(double.IsNaN) || values[0] >= values[2] || values[1] >= values[3] ? null : new GeoBounds(values[0], values[1], values[2], values[3]);
    }
}
