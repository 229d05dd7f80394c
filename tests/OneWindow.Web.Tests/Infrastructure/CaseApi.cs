using OneWindow.Web.Modules.Catalog;
using System.Net.Http.Json;
using OneWindow.Web.Modules.Cases;
using Xunit;

namespace OneWindow.Web.Tests.Infrastructure;

/// <summary>Runs one case action through the API with the revision last seen, and insists that it succeeds.</summary>
public static class CaseApi
{
    /// <summary>Registers a person's application for an item at the signed-in clerk's window, and insists that it succeeds.</summary>
    public static async Task<CaseView> Register(HttpClient clerk, string item, string applicantName)
    {
        var response = await clerk.PostAsJsonAsync("/api/v1/cases",
            new RegisterApplication(item, Domain.Cases.ApplicantKind.Person, applicantName, "11010519491231002X", "13800000000", MaterialsProvided: DemoCatalog.RequiredMaterials(item)) { Form = DemoApplicationForms.SampleAnswers(item) }, Json.Options);
        Assert.True(response.IsSuccessStatusCode, $"register: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<CaseView>();
    }

    public static Task<CaseView> Act(HttpClient client, CaseView c, string action, object body) => Act(client, c.Number, c.Revision, action, body);

    public static async Task<CaseView> Act(HttpClient client, string number, int revision, string action, object body)
    {
        var payload = System.Text.Json.JsonSerializer.SerializeToElement(body, Json.Options);
        var merged = new Dictionary<string, object?> { ["revision"] = revision };
        foreach (var p in payload.EnumerateObject())
        {
            merged[p.Name] = p.Value;
        }
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{number}/{action}", merged, Json.Options);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<CaseView>();
    }
}
