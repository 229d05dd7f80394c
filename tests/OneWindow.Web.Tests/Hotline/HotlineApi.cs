using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Modules.Hotline;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Hotline;

/// <summary>Calls of <c>/api/v1/hotline</c> the hotline tests share.</summary>
internal static class HotlineApi
{
    public const string Root = "/api/v1/hotline";

    public static WorkOrderForm Call(string content, string phone = "13907351234", string category = "SC.01", WorkOrderType type = WorkOrderType.Complaint,
        bool confidential = false) =>
        new(WorkOrderChannel.Phone, type, category, content, "431025100001", "舜峰镇韩山社区人民路 12 号", 25.28, 112.56, "张先生", phone,
            Confidential: confidential);

    public static async Task<WorkOrderView> RegisterAsync(HttpClient operatorClient, WorkOrderForm form)
    {
        var response = await operatorClient.PostAsJsonAsync($"{Root}/orders", form, Json.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<WorkOrderView>();
    }

    public static Task<HttpResponseMessage> ActAsync(HttpClient client, WorkOrderView order, string action, object body) =>
        client.PostAsJsonAsync($"{Root}/orders/{order.Id}/{action}", body, Json.Options);

    public static async Task<WorkOrderView> OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<WorkOrderView>();
    }

    public static async Task<JsonElement> ProblemAsync(Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        var response = await call;
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.ReadJsonAsync();
    }

    public static async Task<Guid> UnitAsync(HttpClient client, string name)
    {
        var units = await (await client.GetAsync($"{Root}/units")).ReadAsync<List<HotlineUnitView>>();
        return units.Single(u => u.Name == name).Id;
    }

    public const string Town = "舜峰镇人民政府";
    public const string Market = "临武县市场监督管理局";
}
