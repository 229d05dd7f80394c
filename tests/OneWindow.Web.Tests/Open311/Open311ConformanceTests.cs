using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Modules.Open311;
using OneWindow.Web.Tests.Hotline;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Open311.Open311Client;

namespace OneWindow.Web.Tests.Open311;

/// <summary>
/// Open311 GeoReport v2 (ADR 0027): every endpoint in both formats, each JSON answer validated against the spec's
/// schemas and each XML answer checked against the spec's element names; a request posted becomes a work order
/// whose number is answered at once, and the public answers carry no caller data.
/// </summary>
public class Open311ConformanceTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Fact]
    public async Task Discovery_names_the_v2_endpoint_and_both_formats()
    {
        var client = app.Anonymous();
        var json = JsonDocument.Parse(await JsonTextAsync(await client.GetAsync($"{Root}/discovery.json"))).RootElement;
        Assert.Equal(["changeset", "contact", "key_service", "endpoints"], json.EnumerateObject().Select(p => p.Name));
        var endpoint = json.GetProperty("endpoints")[0];
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.EndsWith("/open311/v2", endpoint.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("production", endpoint.GetProperty("type").GetString());
        Assert.Equal(["text/xml", "application/json"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));

        var xml = await XmlAsync(await client.GetAsync($"{Root}/discovery.xml"));
        Assert.Equal("discovery", xml.Name.LocalName);
        AssertChildren(xml, ["changeset", "contact", "key_service", "endpoints"]);
        var xmlEndpoint = xml.Element("endpoints")!.Elements().Single();
        Assert.Equal("endpoint", xmlEndpoint.Name.LocalName);
        AssertChildren(xmlEndpoint, ["specification", "url", "changeset", "type", "formats"]);
        Assert.Equal(["text/xml", "application/json"], xmlEndpoint.Element("formats")!.Elements("format").Select(f => f.Value));
    }

    [Fact]
    public async Task The_category_tree_is_the_service_list_leaves_grouped_by_their_parent()
    {
        var client = app.Anonymous();
        var body = await JsonTextAsync(await client.GetAsync($"{Root}/services.json?jurisdiction_id=431025"));
        await AssertValidAsync(body, "services.json");
        var services = JsonDocument.Parse(body).RootElement.EnumerateArray().ToDictionary(s => s.GetProperty("service_code").GetString()!);
        var lamp = services["CX.02"];
        Assert.Equal("市政设施与路灯", lamp.GetProperty("service_name").GetString());
        Assert.Equal("城乡建设", lamp.GetProperty("group").GetString());
        Assert.True(lamp.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", lamp.GetProperty("type").GetString());
        Assert.Contains("路灯不亮", lamp.GetProperty("keywords").GetString(), StringComparison.Ordinal);
        Assert.False(services["CX.01"].GetProperty("metadata").GetBoolean());
        Assert.DoesNotContain("CX", services.Keys); // a parent is a group, not a service
        Assert.Equal(JsonValueKind.Null, services["WL"].GetProperty("group").ValueKind); // a top category without children is a service of no group

        var xml = await XmlAsync(await client.GetAsync($"{Root}/services.xml"));
        Assert.Equal("services", xml.Name.LocalName);
        Assert.All(xml.Elements(), s =>
        {
            Assert.Equal("service", s.Name.LocalName);
            AssertChildren(s, ServiceElements);
        });
        var xmlLamp = xml.Elements().Single(s => s.Element("service_code")!.Value == "CX.02");
        Assert.Equal("true", xmlLamp.Element("metadata")!.Value);
        Assert.Equal("城乡建设", xmlLamp.Element("group")!.Value);
        Assert.Equal(services.Count, xml.Elements().Count());
    }

    [Fact]
    public async Task A_service_definition_lists_what_the_category_asks_in_both_formats()
    {
        var client = app.Anonymous();
        var body = await JsonTextAsync(await client.GetAsync($"{Root}/services/CX.02.json"));
        await AssertValidAsync(body, "service-definition.json");
        var definition = JsonDocument.Parse(body).RootElement;
        Assert.Equal("CX.02", definition.GetProperty("service_code").GetString());
        var attributes = definition.GetProperty("attributes").EnumerateArray().ToList();
        Assert.Equal(["FACILITY", "POLE_NO", "NOTICE"], attributes.Select(a => a.GetProperty("code").GetString()));
        Assert.Equal("singlevaluelist", attributes[0].GetProperty("datatype").GetString());
        Assert.True(attributes[0].GetProperty("required").GetBoolean());
        Assert.Contains(attributes[0].GetProperty("values").EnumerateArray(), v => v.GetProperty("key").GetString() == "LAMP" && v.GetProperty("name").GetString() == "路灯不亮");
        Assert.Contains("杆号", attributes[1].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.False(attributes[2].GetProperty("variable").GetBoolean());

        var multi = await JsonTextAsync(await client.GetAsync($"{Root}/services/GF.02.json"));
        await AssertValidAsync(multi, "service-definition.json");
        Assert.Equal("multivaluelist", JsonDocument.Parse(multi).RootElement.GetProperty("attributes")[0].GetProperty("datatype").GetString());
        // A service that asks nothing more has an empty definition.
        var plain = await JsonTextAsync(await client.GetAsync($"{Root}/services/CX.01.json"));
        await AssertValidAsync(plain, "service-definition.json");
        Assert.Equal(0, JsonDocument.Parse(plain).RootElement.GetProperty("attributes").GetArrayLength());

        var xml = await XmlAsync(await client.GetAsync($"{Root}/services/CX.02.xml"));
        Assert.Equal("service_definition", xml.Name.LocalName);
        AssertChildren(xml, ["service_code", "attributes"]);
        var first = xml.Element("attributes")!.Elements().First();
        Assert.Equal("attribute", first.Name.LocalName);
        AssertChildren(first, AttributeElements);
        Assert.All(first.Element("values")!.Elements(), v =>
        {
            Assert.Equal("value", v.Name.LocalName);
            AssertChildren(v, ["key", "name"]);
        });

        await ErrorsAsync(await client.GetAsync($"{Root}/services/NOPE.json"), HttpStatusCode.NotFound);
        await ErrorsAsync(await client.GetAsync($"{Root}/services/CX.xml"), HttpStatusCode.NotFound, "xml"); // a group is no service
    }

    [Fact]
    public async Task A_posted_request_becomes_a_work_order_whose_number_is_answered_at_once()
    {
        var key = await KeyAsync(app);
        var client = app.Anonymous();
        var response = await PostAsync(client, Lamp(key));
        var body = await JsonTextAsync(response, HttpStatusCode.Created);
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.Equal(1, answer.GetArrayLength());
        Assert.Equal(["service_request_id", "service_notice", "account_id"], answer[0].EnumerateObject().Select(p => p.Name));
        var number = answer[0].GetProperty("service_request_id").GetString()!;
        Assert.StartsWith("RX431025-20261122-", number, StringComparison.Ordinal);
        Assert.Contains("5 个工作日", answer[0].GetProperty("service_notice").GetString(), StringComparison.Ordinal);

        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var order = await db.Set<WorkOrder>().AsNoTracking().SingleAsync(o => o.Number == number);
            Assert.Equal(WorkOrderChannel.System, order.Channel);
            Assert.Equal(WorkOrderType.Help, order.Type);
            Assert.Equal(WorkOrderStatus.Registered, order.Status);
            Assert.Equal("CX.02", order.CategoryCode);
            Assert.Equal("431025100000", order.RegionCode); // the address names 舜峰镇
            Assert.Equal("周敏", order.CallerName);
            Assert.Equal("13807351234", order.CallerPhone);
            Assert.Contains("连续三晚不亮", order.Content, StringComparison.Ordinal);
            Assert.Contains("哪类设施出了问题：路灯不亮", order.Content, StringComparison.Ordinal);
            Assert.Contains("路灯杆号（灯杆上喷印的编号，如 LW-0231）：LW-0231", order.Content, StringComparison.Ordinal);
            Assert.StartsWith("api:城市服务平台", order.RegisteredBy, StringComparison.Ordinal);
            var kept = await db.Set<Open311Request>().AsNoTracking().SingleAsync(r => r.WorkOrderId == order.Id);
            Assert.Equal("zhou.min@example.cn", kept.Email);
            Assert.Equal("dev-7f3a", kept.DeviceId);
            Assert.Equal("https://img.example.cn/reports/lamp-0231.jpg", kept.MediaUrl);
            // The order and the client's attribution were saved together.
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "WorkOrder" && a.EntityKey == number && a.Action == "registered"));
        }

        // Its public state, in both formats: what the sender published, nothing of the caller.
        var one = await JsonTextAsync(await client.GetAsync($"{Root}/requests/{number}.json"));
        await AssertValidAsync(one, "requests.json");
        var request = JsonDocument.Parse(one).RootElement[0];
        Assert.Equal(RequestElements, request.EnumerateObject().Select(p => p.Name));
        Assert.Equal(number, request.GetProperty("service_request_id").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("市政设施与路灯", request.GetProperty("service_name").GetString());
        Assert.Equal("舜峰镇人民路与解放路交叉口东侧", request.GetProperty("address").GetString());
        Assert.Equal(25.2781, request.GetProperty("lat").GetDouble());
        Assert.Equal(112.5634, request.GetProperty("long").GetDouble());
        Assert.Equal("https://img.example.cn/reports/lamp-0231.jpg", request.GetProperty("media_url").GetString());
        Assert.Equal("2026-11-22T10:00:00+08:00", request.GetProperty("requested_datetime").GetString());
        Assert.Equal(JsonValueKind.Null, request.GetProperty("expected_datetime").ValueKind); // not dispatched yet
        AssertNoCallerData(one);

        var xml = await XmlAsync(await client.GetAsync($"{Root}/requests/{number}.xml"));
        Assert.Equal("service_requests", xml.Name.LocalName);
        var xmlRequest = xml.Elements().Single();
        Assert.Equal("request", xmlRequest.Name.LocalName);
        AssertChildren(xmlRequest, RequestElements);
        Assert.Equal("open", xmlRequest.Element("status")!.Value);
        Assert.Equal("25.2781", xmlRequest.Element("lat")!.Value);
        AssertNoCallerData(xml.ToString());

        await ErrorsAsync(await client.GetAsync($"{Root}/requests/RX431025-20261122-99999.json"), HttpStatusCode.NotFound);
        await ErrorsAsync(await client.GetAsync($"{Root}/requests/RX431025-20261122-99999.xml"), HttpStatusCode.NotFound, "xml");
    }

    [Fact]
    public async Task The_xml_post_answers_in_xml_and_multi_value_attributes_and_places_by_id_are_taken()
    {
        var key = await KeyAsync(app);
        var form = new List<KeyValuePair<string, string>>
        {
            new("api_key", key), new("service_code", "GF.02"), new("address_id", "431025100001"),
            new("attribute[POWER_ISSUE][]", "OUTAGE"), new("attribute[POWER_ISSUE][]", "LINE"), new("attribute[HOUSEHOLDS]", "30"),
            new("description", "韩山社区 3 栋一带停电两小时，电杆上的线垂得很低。"),
        };
        var xml = await XmlAsync(await PostAsync(app.Anonymous(), form, "xml"), HttpStatusCode.Created);
        Assert.Equal("service_requests", xml.Name.LocalName);
        var created = xml.Elements().Single();
        Assert.Equal("request", created.Name.LocalName);
        AssertChildren(created, ["service_request_id", "service_notice", "account_id"]);
        var number = created.Element("service_request_id")!.Value;

        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var order = await db.Set<WorkOrder>().AsNoTracking().SingleAsync(o => o.Number == number);
            Assert.Equal("431025100001", order.RegionCode);
            Assert.Contains("供电问题（可多选）：停电、线路或电杆隐患", order.Content, StringComparison.Ordinal);
            Assert.Contains("受影响的大约户数：30", order.Content, StringComparison.Ordinal);
            Assert.True(order.Anonymous); // no phone: an anonymous caller
            Assert.Null(order.CallerName);
        }
        var one = JsonDocument.Parse(await JsonTextAsync(await app.Anonymous().GetAsync($"{Root}/requests/{number}.json"))).RootElement[0];
        Assert.Equal("431025100001", one.GetProperty("address_id").GetString());
        Assert.Equal("韩山社区", one.GetProperty("address").GetString()); // no address string: the village's name
    }

    [Fact]
    public async Task The_list_filters_by_number_service_state_and_window_and_a_phone_order_is_listed_without_what_the_caller_said()
    {
        var key = await KeyAsync(app);
        var client = app.Anonymous();
        var lamp = await SubmitAsync(client, Lamp(key));
        var noise = await SubmitAsync(client, new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = "HJ.01", ["address_string"] = "临武县汾市镇南强路夜市", ["attribute[SOURCE]"] = "ENTERTAIN",
            ["attribute[LAST_AT]"] = "2026-11-21T23:30:00+08:00", ["description"] = "夜市大排档音响开到凌晨一点。",
        });
        // A confidential caller's phone order about a boss who does not pay: listed, with nothing of the caller or the matter.
        var operatorClient = await app.SignedInOnce("hotline");
        var phoneOrder = await HotlineApi.RegisterAsync(operatorClient, HotlineApi.Call("工地老板王某拖欠我三个月工资，电话 13907359999", phone: "13907359999",
            category: "LD.01", confidential: true));

        var all = await JsonTextAsync(await client.GetAsync($"{Root}/requests.json"));
        await AssertValidAsync(all, "requests.json");
        var listed = JsonDocument.Parse(all).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("service_request_id").GetString()!);
        Assert.Contains(lamp, listed.Keys);
        Assert.Contains(noise, listed.Keys);
        var phone = listed[phoneOrder.Number];
        Assert.Equal("LD.01", phone.GetProperty("service_code").GetString());
        Assert.Equal(JsonValueKind.Null, phone.GetProperty("description").ValueKind);
        Assert.Equal("韩山社区", phone.GetProperty("address").GetString()); // the village, not the caller's street
        Assert.Equal(JsonValueKind.Null, phone.GetProperty("lat").ValueKind);
        Assert.DoesNotContain("王某", all, StringComparison.Ordinal);
        Assert.DoesNotContain("人民路 12 号", all, StringComparison.Ordinal);
        AssertNoCallerData(all);
        Assert.DoesNotContain("13907359999", all, StringComparison.Ordinal);
        Assert.DoesNotContain("张先生", all, StringComparison.Ordinal);

        // Newest first; the service code and the number list filter.
        var byCode = JsonDocument.Parse(await JsonTextAsync(await client.GetAsync($"{Root}/requests.json?service_code=HJ.01,LD.01"))).RootElement;
        Assert.All(byCode.EnumerateArray(), r => Assert.Contains(r.GetProperty("service_code").GetString(), new[] { "HJ.01", "LD.01" }));
        Assert.Contains(byCode.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == noise);
        var byNumber = JsonDocument.Parse(await JsonTextAsync(await client.GetAsync($"{Root}/requests.json?service_request_id={lamp},{noise}&status=closed"))).RootElement;
        Assert.Equal(new[] { lamp, noise }.Order(), byNumber.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!).Order());

        // The state: all of these are open.
        var closed = await JsonTextAsync(await client.GetAsync($"{Root}/requests.json?status=closed"));
        await AssertValidAsync(closed, "requests.json");
        Assert.DoesNotContain(lamp, closed, StringComparison.Ordinal);
        var open = await JsonTextAsync(await client.GetAsync($"{Root}/requests.json?status=open&start_date=2026-11-22T00:00:00%2B08:00&end_date=2026-11-23T00:00:00Z"));
        Assert.Contains(lamp, open, StringComparison.Ordinal);
        // A window before them finds none of them.
        var before = await JsonTextAsync(await client.GetAsync($"{Root}/requests.json?start_date=2026-10-01T00:00:00Z&end_date=2026-11-01T00:00:00Z"));
        Assert.DoesNotContain(lamp, before, StringComparison.Ordinal);

        var xml = await XmlAsync(await client.GetAsync($"{Root}/requests.xml?service_code=CX.02"));
        Assert.Equal("service_requests", xml.Name.LocalName);
        Assert.All(xml.Elements(), r =>
        {
            Assert.Equal("request", r.Name.LocalName);
            AssertChildren(r, RequestElements);
        });
        Assert.Contains(xml.Elements(), r => r.Element("service_request_id")!.Value == lamp);

        // More than 90 days, a date without its zone, a state that is not one: 400 in the spec's format.
        await ErrorsAsync(await client.GetAsync($"{Root}/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z"), HttpStatusCode.BadRequest);
        await ErrorsAsync(await client.GetAsync($"{Root}/requests.xml?start_date=2026-11-01T00:00:00"), HttpStatusCode.BadRequest, "xml");
        await ErrorsAsync(await client.GetAsync($"{Root}/requests.json?status=pending"), HttpStatusCode.BadRequest);
        await ErrorsAsync(await client.GetAsync($"{Root}/requests.json?jurisdiction_id=sfgov.org"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_dispatched_order_shows_its_unit_limit_and_due_instant_and_a_concluded_one_is_closed()
    {
        var key = await KeyAsync(app);
        var number = await SubmitAsync(app.Anonymous(), Lamp(key));
        var operatorClient = await app.SignedInOnce("hotline");
        var order = await OrderAsync(operatorClient, number);
        var unit = await HotlineApi.UnitAsync(operatorClient, "临武县城市管理和综合执法局");
        await HotlineApi.OkAsync(HotlineApi.ActAsync(operatorClient, order, "dispatch", new { revision = order.Revision, leadUnitId = unit, coHandlerIds = Array.Empty<Guid>() }));

        var body = await JsonTextAsync(await app.Anonymous().GetAsync($"{Root}/requests/{number}.json"));
        await AssertValidAsync(body, "requests.json");
        var request = JsonDocument.Parse(body).RootElement[0];
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("临武县城市管理和综合执法局", request.GetProperty("agency_responsible").GetString());
        Assert.Contains("5 个工作日", request.GetProperty("service_notice").GetString(), StringComparison.Ordinal);
        Assert.Equal("已派单，等待承办单位签收。", request.GetProperty("status_notes").GetString());
        // Registered Sunday 22 Nov 10:00: five working days from Monday, ending Friday 27 Nov at 24:00 Beijing.
        Assert.Equal("2026-11-28T00:00:00+08:00", request.GetProperty("expected_datetime").GetString());

        // Answered on the spot, another one is closed at once.
        var other = await SubmitAsync(app.Anonymous(), Lamp(key));
        var otherOrder = await OrderAsync(operatorClient, other);
        await HotlineApi.OkAsync(HotlineApi.ActAsync(operatorClient, otherOrder, "answer", new { revision = otherOrder.Revision, answer = "该路灯已列入本周检修计划。" }));
        var closed = JsonDocument.Parse(await JsonTextAsync(await app.Anonymous().GetAsync($"{Root}/requests/{other}.json"))).RootElement[0];
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("热线已当场答复，办结。", closed.GetProperty("status_notes").GetString());
        var closedList = await JsonTextAsync(await app.Anonymous().GetAsync($"{Root}/requests.json?status=closed"));
        Assert.Contains(other, closedList, StringComparison.Ordinal);
        Assert.DoesNotContain(number, closedList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_are_not_issued_and_unknown_resources_answer_in_the_error_format()
    {
        var client = app.Anonymous();
        var token = await ErrorsAsync(await client.GetAsync($"{Root}/tokens/12345.json"), HttpStatusCode.NotFound);
        Assert.Contains("service_request_id", token[0], StringComparison.Ordinal);
        await ErrorsAsync(await client.GetAsync($"{Root}/tokens/12345.xml"), HttpStatusCode.NotFound, "xml");
        await ErrorsAsync(await client.GetAsync($"{Root}/nothing.xml"), HttpStatusCode.NotFound, "xml");
        await ErrorsAsync(await client.GetAsync($"{Root}/services.csv"), HttpStatusCode.NotFound);
        await ErrorsAsync(await client.GetAsync($"{Root}/services.json?jurisdiction_id=sfgov.org"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Sixteen_platforms_posting_at_once_get_sixteen_numbers_without_a_gap()
    {
        var key = await KeyAsync(app, perMinute: 1000);
        var numbers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => SubmitAsync(app.Anonymous(), Lamp(key)))));
        Assert.Equal(16, numbers.Distinct().Count());
        var sequences = numbers.Select(n => int.Parse(n[^5..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(sequences[0], 16), sequences);
    }

    [Fact]
    public async Task The_schema_check_refuses_what_the_spec_refuses()
    {
        // The validator is not lenient: a state the spec does not know, an instant that is not one, a missing field.
        await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => AssertValidAsync(
            """[{"service_request_id":"RX1","status":"pending","service_code":"CX.02","requested_datetime":"2026-11-22T10:00:00+08:00"}]""", "requests.json"));
        await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => AssertValidAsync(
            """[{"service_request_id":"RX1","status":"open","service_code":"CX.02","requested_datetime":"yesterday"}]""", "requests.json"));
        await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => AssertValidAsync(
            """[{"service_code":"CX.02","service_name":"路灯","type":"realtime"}]""", "services.json"));
        await AssertValidAsync("""[{"service_code":"CX.02","service_name":"路灯","metadata":false,"type":"realtime"}]""", "services.json");
    }

    private async Task<Modules.Hotline.WorkOrderView> OrderAsync(HttpClient operatorClient, string number)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var id = await db.Set<WorkOrder>().Where(o => o.Number == number).Select(o => o.Id).SingleAsync();
            return await (await operatorClient.GetAsync($"{HotlineApi.Root}/orders/{id}")).ReadAsync<Modules.Hotline.WorkOrderView>();
        }
    }

    private static void AssertNoCallerData(string text)
    {
        foreach (var personal in new[] { "周敏", "13807351234", "zhou.min@example.cn", "dev-7f3a" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
        }
    }
}
