using System.Net;
using System.Text;
using OneWindow.Web.Modules.ApiClients;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Open311.Open311Client;

namespace OneWindow.Web.Tests.Open311;

/// <summary>
/// Every bad request to POST requests is a 4xx in the spec's error format, in the format the path asks for, and
/// saves nothing: no work order, no Open311 record.
/// </summary>
public class Open311RefusalTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    public static TheoryData<string, HttpStatusCode, string> Refusals() => new()
    {
        // case name, expected status, the description must contain
        { "no key", HttpStatusCode.Forbidden, "api_key" },
        { "wrong key", HttpStatusCode.Forbidden, "api_key" },
        { "no service code", HttpStatusCode.BadRequest, "service_code" },
        { "unknown service code", HttpStatusCode.NotFound, "service_code" },
        { "a group, not a service", HttpStatusCode.NotFound, "service_code" },
        { "unknown jurisdiction", HttpStatusCode.NotFound, "jurisdiction_id" },
        { "no location", HttpStatusCode.BadRequest, "lat" },
        { "outside the county", HttpStatusCode.BadRequest, "lat/long" },
        { "lat without long", HttpStatusCode.BadRequest, "lat" },
        { "coordinates that are not numbers", HttpStatusCode.BadRequest, "lat" },
        { "an address in no town of the county", HttpStatusCode.BadRequest, "address_string" },
        { "an address id of another county", HttpStatusCode.BadRequest, "address_id" },
        { "an address id that is no region", HttpStatusCode.BadRequest, "address_id" },
        { "description too long", HttpStatusCode.BadRequest, "description" },
        { "media url not http", HttpStatusCode.BadRequest, "media_url" },
        { "media url too long", HttpStatusCode.BadRequest, "media_url" },
        { "required attribute missing", HttpStatusCode.BadRequest, "attribute[FACILITY]" },
        { "unknown attribute", HttpStatusCode.BadRequest, "attribute[COLOUR]" },
        { "list value not offered", HttpStatusCode.BadRequest, "attribute[FACILITY]" },
        { "two values for a single list", HttpStatusCode.BadRequest, "attribute[FACILITY]" },
        { "malformed attribute field", HttpStatusCode.BadRequest, "attribute" },
        { "a field sent twice", HttpStatusCode.BadRequest, "description" },
        { "bad e-mail", HttpStatusCode.BadRequest, "email" },
        { "bad phone", HttpStatusCode.BadRequest, "phone" },
        { "name too long", HttpStatusCode.BadRequest, "first_name" },
    };

    private static List<KeyValuePair<string, string>> Case(string name, string key)
    {
        var form = Lamp(key);
        switch (name)
        {
            case "no key": form.Remove("api_key"); break;
            case "wrong key": form["api_key"] = "ow_" + new string('A', 43); break;
            case "no service code": form.Remove("service_code"); break;
            case "unknown service code": form["service_code"] = "ZZ.99"; break;
            case "a group, not a service": form["service_code"] = "CX"; break;
            case "unknown jurisdiction": form["jurisdiction_id"] = "sfgov.org"; break;
            case "no location": form.Remove("lat"); form.Remove("long"); form.Remove("address_string"); break;
            case "outside the county": form["lat"] = "39.9042"; form["long"] = "116.4074"; break;
            case "lat without long": form.Remove("long"); break;
            case "coordinates that are not numbers": form["lat"] = "north"; break;
            case "an address in no town of the county": form.Remove("lat"); form.Remove("long"); form["address_string"] = "北京市东城区东长安街 1 号"; break;
            case "an address id of another county": form.Remove("lat"); form.Remove("long"); form.Remove("address_string"); form["address_id"] = "110101001001"; break;
            case "an address id that is no region": form.Remove("lat"); form.Remove("long"); form.Remove("address_string"); form["address_id"] = "431025999999"; break;
            case "description too long": form["description"] = new string('灯', 2001); break;
            case "media url not http": form["media_url"] = "javascript:alert(1)"; break;
            case "media url too long": form["media_url"] = "https://img.example.cn/" + new string('a', 500); break;
            case "required attribute missing": form.Remove("attribute[FACILITY]"); break;
            case "unknown attribute": form["attribute[COLOUR]"] = "red"; break;
            case "list value not offered": form["attribute[FACILITY]"] = "BRIDGE"; break;
            case "malformed attribute field": form["attribute[FACILITY"] = "LAMP"; break;
            case "bad e-mail": form["email"] = "not-an-address"; break;
            case "bad phone": form["phone"] = "call me maybe"; break;
            case "name too long": form["first_name"] = new string('敏', 26); break;
        }
        var list = form.ToList();
        if (name == "two values for a single list")
        {
            list.Add(new("attribute[FACILITY]", "COVER"));
        }
        if (name == "a field sent twice")
        {
            list.Add(new("description", "又一段"));
        }
        return list;
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_bad_request_is_refused_in_the_spec_format_and_saves_nothing(string name, HttpStatusCode status, string mentions)
    {
        var key = await KeyAsync(app);
        foreach (var format in new[] { "json", "xml" })
        {
            var before = await CountAsync(app);
            var response = await PostAsync(app.Anonymous(), Case(name, key), format);
            var descriptions = await ErrorsAsync(response, status, format);
            Assert.True(descriptions.Any(d => d.Contains(mentions, StringComparison.Ordinal)), $"{name} ({format}): " + string.Join(" | ", descriptions));
            Assert.Equal(before, await CountAsync(app));
        }
        // The same form put right is taken: the refusal was for this fault alone.
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(app.Anonymous(), Lamp(key))).StatusCode);
    }

    [Fact]
    public async Task A_key_without_the_open311_scope_a_revoked_key_and_a_signed_in_person_are_refused_with_403()
    {
        var calls = await KeyAsync(app, [ApiScopes.HotlineCalls]);
        var before = await CountAsync(app);
        var refused = await ErrorsAsync(await PostAsync(app.Anonymous(), Lamp(calls)), HttpStatusCode.Forbidden);
        Assert.Contains("open311:write", refused[0], StringComparison.Ordinal);
        // The key in a header is the same key.
        var header = app.Anonymous();
        header.DefaultRequestHeaders.Add("X-Api-Key", calls);
        var form = Lamp(calls);
        form.Remove("api_key");
        await ErrorsAsync(await PostAsync(header, form, "xml"), HttpStatusCode.Forbidden, "xml");
        // A person signed in to the staff site has no key.
        var operatorClient = await app.SignedInOnce("hotline");
        var noKey = Lamp("x");
        noKey.Remove("api_key");
        await ErrorsAsync(await PostAsync(operatorClient, noKey), HttpStatusCode.Forbidden);
        Assert.Equal(before, await CountAsync(app));
    }

    [Fact]
    public async Task A_body_that_is_not_a_readable_form_is_refused_in_the_spec_format()
    {
        var key = await KeyAsync(app);
        var before = await CountAsync(app);
        // JSON instead of a form.
        var json = await app.Anonymous().PostAsync($"{Root}/requests.json", new StringContent("{\"service_code\":\"CX.02\"}", Encoding.UTF8, "application/json"));
        await ErrorsAsync(json, HttpStatusCode.Forbidden); // no api_key field can be read from it
        var jsonWithKey = app.Anonymous();
        jsonWithKey.DefaultRequestHeaders.Add("X-Api-Key", key);
        await ErrorsAsync(await jsonWithKey.PostAsync($"{Root}/requests.json", new StringContent("{\"service_code\":\"CX.02\"}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        // A form with an encoded NUL, and a multipart body cut before its boundary: refused before routing, still in the spec's format.
        var nul = new StringContent($"api_key={key}&service_code=CX.02&description=a%00b", Encoding.UTF8, "application/x-www-form-urlencoded");
        await ErrorsAsync(await app.Anonymous().PostAsync($"{Root}/requests.xml", nul), HttpStatusCode.BadRequest, "xml");
        var cut = new StringContent("--b\r\nContent-Disposition: form-data; name=\"service_code\"\r\n\r\nCX.02", Encoding.UTF8);
        cut.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        await ErrorsAsync(await app.Anonymous().PostAsync($"{Root}/requests.json", cut), HttpStatusCode.BadRequest);
        Assert.Equal(before, await CountAsync(app));
    }

    [Fact]
    public async Task A_key_over_its_rate_limit_is_refused_with_429_in_the_spec_format()
    {
        using var limited = OneWindowFactory.WithSettings(new Dictionary<string, string>());
        var key = await KeyAsync(limited, perMinute: 2);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(limited.Anonymous(), Lamp(key))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(limited.Anonymous(), Lamp(key))).StatusCode);
        var before = await CountAsync(limited);
        var refused = await PostAsync(limited.Anonymous(), Lamp(key), "xml");
        Assert.NotNull(refused.Headers.RetryAfter);
        await ErrorsAsync(refused, HttpStatusCode.TooManyRequests, "xml");
        Assert.Equal(before, await CountAsync(limited));
    }
}
