using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Hotline;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.ApiClients;
using OneWindow.Web.Modules.Hotline;

namespace OneWindow.Web.Modules.Open311;

/// <summary>What POST requests answers: the order's number at once (every service is realtime) and what to expect.</summary>
public sealed record SubmittedServiceRequest(string Number, string? Notice);

/// <summary>
/// POST requests: a service request a client system sends for its user, form-encoded as the spec says, registered as
/// a work order of the system channel through the hotline's own use case — in one transaction with what Open311 keeps
/// of it (<see cref="Open311Request"/>) and the client's attribution. Everything is checked before anything is
/// written: the jurisdiction, the service, the place (inside the county: coordinates within its bounds, an address id
/// that is one of its towns or villages, an address that names one), the attributes the service asks for, the
/// lengths, the media link; a refusal saves nothing. The sender's name and phone become the caller's (no phone: an
/// anonymous caller), the e-mail and device stay with the Open311 record.
/// </summary>
public sealed class SubmitServiceRequest(OneWindowDbContext db, RegisterWorkOrder register, Open311Services services, Open311Settings settings, HotlineSettings hotline)
{
    /// <summary>The longest description taken: the work order's content limit (the spec allows 4,000; the order keeps 2,000 with the answers).</summary>
    public const int MaxDescription = WorkOrder.MaxContentLength;
    public const int MaxName = 25;
    public const int MaxAddress = 200;

    /// <summary>Requests through Open311 report a problem to be fixed: 求助, handled within its limit.</summary>
    public const WorkOrderType RequestType = WorkOrderType.Help;

    public async Task<SubmittedServiceRequest> RunAsync(ApiClientCaller client, IFormCollection form, CancellationToken ct)
    {
        CheckJurisdiction(settings, form["jurisdiction_id"]);
        var errors = new List<Open311Error>();
        var code = Single(form, "service_code");
        if (code is null)
        {
            throw new Open311Exception(400, "service_code 未提供。");
        }
        var service = await services.FindAsync(code, ct) ?? throw new Open311Exception(404, Text.Formatted("没有服务 {0}（service_code）。", code));

        var description = Single(form, "description");
        if (description?.Length > MaxDescription)
        {
            errors.Add(new(400, Text.Formatted("description 超过 {0} 字。", MaxDescription)));
        }
        var media = Single(form, "media_url");
        if (media is not null && (media.Length > Open311Request.MaxMediaUrl || !Uri.TryCreate(media, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors.Add(new(400, Text.Formatted("media_url 应是 {0} 字以内的 http 或 https 地址。", Open311Request.MaxMediaUrl)));
        }
        var email = Single(form, "email");
        if (email is not null && (email.Length > Open311Request.MaxEmail || email.IndexOf('@', StringComparison.Ordinal) is < 1 || email.EndsWith('@')))
        {
            errors.Add(new(400, "email 格式不正确。"));
        }
        var device = Single(form, "device_id");
        if (device?.Length > Open311Request.MaxDeviceId)
        {
            errors.Add(new(400, Text.Formatted("device_id 超过 {0} 字。", Open311Request.MaxDeviceId)));
        }
        var first = Single(form, "first_name");
        var last = Single(form, "last_name");
        if (first?.Length > MaxName || last?.Length > MaxName)
        {
            errors.Add(new(400, Text.Formatted("first_name 和 last_name 各不超过 {0} 字。", MaxName)));
        }
        var address = Single(form, "address_string");
        if (address?.Length > MaxAddress)
        {
            errors.Add(new(400, Text.Formatted("address_string 超过 {0} 字。", MaxAddress)));
        }
        var addressId = Single(form, "address_id");
        if (addressId?.Length > Open311Request.MaxAddressId)
        {
            errors.Add(new(400, "address_id 不是本辖区的地址编码。"));
        }
        var (lat, lng) = Coordinates(form, errors);
        if (errors.Count > 0)
        {
            throw new Open311Exception(errors);
        }
        var region = await LocateAsync(lat, lng, address, addressId, ct);

        IReadOnlyList<string> answers;
        try
        {
            answers = CategoryQuestion.Answer(service.Attributes, Attributes(form));
        }
        catch (Domain.DomainRuleException e)
        {
            throw new Open311Exception(400, $"{e.Field}: {Text.Translate(e.Message)}");
        }
        var content = string.Join("\n", new[] { description }.Concat(answers).Where(t => !string.IsNullOrWhiteSpace(t)));
        if (content.Length == 0)
        {
            content = service.Name;
        }
        if (content.Length > WorkOrder.MaxContentLength)
        {
            throw new Open311Exception(400, Text.Formatted("description 与补充项合计超过 {0} 字。", WorkOrder.MaxContentLength));
        }
        var phone = Single(form, "phone");
        var name = (last + first) is { Length: > 0 } n ? n : null;
        var intake = new WorkOrderForm(WorkOrderChannel.System, RequestType, service.Code, content, region, address, lat, lng, name, phone, Anonymous: phone is null);
        var by = new HotlineParty(new Actor(client.Id.ToString(), client.ActorName, "ApiClient"), false, null);
        var order = await register.FromSystemAsync(by, intake, o => db.Add(new Open311Request
        {
            WorkOrderId = o.Id, ClientId = client.Id, AddressId = addressId, MediaUrl = media, Email = email, DeviceId = device,
        }), ct);
        return new SubmittedServiceRequest(order.Number, Notice(hotline, service.Code, await HotlineUnits.CategoryDaysAsync(db, service.Code, ct)));
    }

    /// <summary>What the sender can expect: the hotline dispatches the request and the unit answers within the type's limit (or the category's longer one).</summary>
    public static string Notice(HotlineSettings hotline, string code, int? categoryDays)
    {
        var days = Math.Max(hotline.Limits.HandlingWorkingDays[RequestType], categoryDays ?? 0);
        return Text.Formatted("12345 热线将派单至承办单位，承办单位自派单起 {0} 个工作日内办理答复。", days);
    }

    /// <summary>A jurisdiction_id, when given, must be this county's (404 otherwise, as the spec says).</summary>
    public static void CheckJurisdiction(Open311Settings settings, string? id)
    {
        if (!string.IsNullOrWhiteSpace(id) && !settings.IsJurisdiction(id))
        {
            throw new Open311Exception(404, Text.Formatted("没有辖区 {0}（jurisdiction_id）；本接口服务 {1}。", id.Trim(), string.Join("、", settings.JurisdictionIds)));
        }
    }

    private (double? Lat, double? Lng) Coordinates(IFormCollection form, List<Open311Error> errors)
    {
        var latText = Single(form, "lat");
        var lngText = Single(form, "long");
        if (latText is null && lngText is null)
        {
            return (null, null);
        }
        if (latText is null || lngText is null
            || !double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || !double.TryParse(lngText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lng)
            || !double.IsFinite(lat) || !double.IsFinite(lng) || lat is < -90 or > 90 || lng is < -180 or > 180)
        {
            errors.Add(new(400, "lat 和 long 须成对提供，为 WGS84 十进制度数。"));
            return (null, null);
        }
        if (!settings.Bounds.Contains(lat, lng))
        {
            errors.Add(new(400, "lat/long 不在本辖区范围内。"));
        }
        return (lat, lng);
    }

    /// <summary>
    /// The region the request is in: the town or village an address id names (its 12-digit division code in the
    /// county), else the one an address names (the longest town or village name of the county it contains), else the
    /// county when the coordinates are within its bounds. No place, or one that is not the county's: refused.
    /// </summary>
    private async Task<string> LocateAsync(double? lat, double? lng, string? address, string? addressId, CancellationToken ct)
    {
        var county = settings.CountyCode;
        if (addressId is not null)
        {
            if (addressId.Length != 12 || !addressId.StartsWith(county[..6], StringComparison.Ordinal) || !RegionCode.TryParse(addressId, out _)
                || !await db.Regions.AsNoTracking().AnyAsync(r => r.Code == addressId, ct))
            {
                throw new Open311Exception(400, "address_id 不是本辖区的地址编码（12 位乡镇或村社区区划代码）。");
            }
            return addressId;
        }
        if (address is not null)
        {
            var towns = await db.Regions.AsNoTracking().Where(r => r.ParentCode == county).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
            var townCodes = towns.Select(t => t.Code).ToList();
            var villages = await db.Regions.AsNoTracking().Where(r => r.ParentCode != null && townCodes.Contains(r.ParentCode)).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
            var named = villages.Concat(towns).Where(r => r.Name.Length >= 2 && address.Contains(r.Name, StringComparison.Ordinal))
                .OrderByDescending(r => r.Name.Length).ThenByDescending(r => r.Code, StringComparer.Ordinal).FirstOrDefault();
            if (named is not null)
            {
                return named.Code;
            }
            if (lat is null)
            {
                throw new Open311Exception(400, "address_string 没有写明本辖区的乡镇或村（社区），无法确定位置。");
            }
        }
        if (lat is null || lng is null)
        {
            throw new Open311Exception(400, "请提供位置：lat 和 long、address_string 或 address_id 之一。");
        }
        return county;
    }

    /// <summary>attribute[CODE]=value and, for a multi-value list, attribute[CODE][]=value (repeated).</summary>
    private static Dictionary<string, IReadOnlyList<string>> Attributes(IFormCollection form)
    {
        var answers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in form)
        {
            if (!key.StartsWith("attribute[", StringComparison.Ordinal))
            {
                continue;
            }
            var end = key.IndexOf(']', StringComparison.Ordinal);
            if (end < 0 || (end != key.Length - 1 && key[(end + 1)..] != "[]"))
            {
                throw new Open311Exception(400, Text.Formatted("补充项字段 {0} 格式不正确，应为 attribute[code] 或 attribute[code][]。", key));
            }
            var code = key["attribute[".Length..end];
            var list = answers.TryGetValue(code, out var before) ? [.. before] : new List<string>();
            list.AddRange(values.Where(v => v is not null).Select(v => v!));
            answers[code] = list;
        }
        return answers;
    }

    /// <summary>A field sent once (trimmed; empty is not given, as the spec says); sent twice it is malformed.</summary>
    internal static string? Single(IFormCollection form, string name)
    {
        if (!form.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }
        if (values.Count > 1)
        {
            throw new Open311Exception(400, Text.Formatted("字段 {0} 只能提供一次。", name));
        }
        return string.IsNullOrWhiteSpace(values[0]) ? null : values[0]!.Trim();
    }
}
