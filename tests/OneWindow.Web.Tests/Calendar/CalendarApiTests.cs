using System.Net;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Calendar;

public class CalendarApiTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Fact]
    public async Task Five_working_days_from_30_September_2025_are_due_on_14_October_at_midnight_Beijing()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/calendar/due?from=2025-09-30&workingDays=5");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var due = await response.ReadAsync<DueAnswer>();
        Assert.Equal(new DateOnly(2025, 10, 14), due.DueDate);
        Assert.Equal(new DateTime(2025, 10, 14, 16, 0, 0, DateTimeKind.Utc), due.DueAtUtc);
        Assert.True(due.OfficialCalendarPublished);
    }

    [Fact]
    public async Task An_adjusted_Saturday_is_a_working_day_and_says_why()
    {
        var answer = await (await app.Anonymous().GetAsync("/api/v1/calendar/working-days/2025-10-11")).ReadAsync<WorkingDayAnswer>();
        Assert.True(answer.IsWorkingDay);
        Assert.Equal(Domain.Calendar.DayKind.AdjustedWorkingDay, answer.Kind);
        Assert.Equal("国庆节、中秋节", answer.Name);
        var holiday = await (await app.Anonymous().GetAsync("/api/v1/calendar/working-days/2025-10-03")).ReadAsync<WorkingDayAnswer>();
        Assert.False(holiday.IsWorkingDay);
        Assert.Equal(Domain.Calendar.DayKind.StatutoryHoliday, holiday.Kind);
    }

    [Theory]
    [InlineData("/api/v1/calendar/working-days/2025-13-01", "date")]
    [InlineData("/api/v1/calendar/working-days/yesterday", "date")]
    [InlineData("/api/v1/calendar/due?from=2025-02-30&workingDays=5", "from")]
    [InlineData("/api/v1/calendar/due?from=2025-09-30&workingDays=-1", "workingDays")]
    [InlineData("/api/v1/calendar/due?from=2025-09-30", "workingDays")]
    [InlineData("/api/v1/calendar/due?from=2025-09-30&workingDays=5&region=4310251", "region")]
    public async Task Bad_input_is_a_400_problem_naming_the_field(string url, string field)
    {
        var response = await app.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }

    [Fact]
    public async Task A_local_day_off_of_a_county_moves_due_dates_in_its_towns_but_not_elsewhere()
    {
        using var scope = app.Services.CreateScope();
        var manage = scope.ServiceProvider.GetRequiredService<ManageCalendar>();
        // Tue 2 Mar 2027 becomes a typhoon day off in 临武县 (a year no other test touches).
        await manage.SetDayAsync("431025000000", new DateOnly(2027, 3, 2), true, "台风停工", "县政府通知", "admin");
        var client = app.Anonymous();
        var national = await (await client.GetAsync("/api/v1/calendar/due?from=2027-03-01&workingDays=1")).ReadAsync<DueAnswer>();
        var town = await (await client.GetAsync("/api/v1/calendar/due?from=2027-03-01&workingDays=1&region=431025100000")).ReadAsync<DueAnswer>();
        Assert.Equal(new DateOnly(2027, 3, 2), national.DueDate);
        Assert.Equal(new DateOnly(2027, 3, 3), town.DueDate);
        var day = await (await client.GetAsync("/api/v1/calendar/working-days/2027-03-02?region=431025000000")).ReadAsync<WorkingDayAnswer>();
        Assert.Equal(Domain.Calendar.DayKind.LocalDayOff, day.Kind);
        Assert.False(day.OfficialCalendarPublished);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_calendar_catalog_and_case_endpoints()
    {
        var doc = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/cases/{number}/accept", doc, StringComparison.Ordinal);
        Assert.Contains("/api/v1/cases/{number}/hand-over", doc, StringComparison.Ordinal);
        Assert.Contains("/api/v1/calendar/due", doc, StringComparison.Ordinal);
        Assert.Contains("/api/v1/calendar/working-days/{date}", doc, StringComparison.Ordinal);
        Assert.Contains("/api/v1/catalog/items/{code}", doc, StringComparison.Ordinal);
        Assert.Contains("民法典", doc, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_case_action_is_documented_with_its_own_request_and_only_its_fields()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");
        var schemas = doc.RootElement.GetProperty("components").GetProperty("schemas");
        System.Collections.Generic.HashSet<string> Fields(string action)
        {
            var reference = paths.GetProperty("/api/v1/cases/{number}/" + action).GetProperty("post").GetProperty("requestBody")
                .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
            var schema = schemas.GetProperty(reference[(reference.LastIndexOf('/') + 1)..]);
            return schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
        }
        Assert.Equal(["revision", "opinion", "deferredUntil", "commitmentSigned"], Fields("accept"));
        Assert.Equal(["revision", "missing", "reason"], Fields("correction"));
        Assert.Equal(["revision", "amount", "receiptNumber", "online", "reason", "feeLines"], Fields("pay"));
        Assert.Equal(["revision", "toUser", "reason"], Fields("hand-over"));
        Assert.Equal(["revision"], Fields("claim"));
    }
}
