using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Calendar.Changes;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Calendar;

/// <summary>A notice loaded on one instance reaches another's cached calendars at that instance's next check.</summary>
public sealed class CalendarTwoHostTests : IDisposable
{
    private readonly OneWindowFactory _first = new();
    private readonly OneWindowFactory _second;

    public CalendarTwoHostTests() => _second = OneWindowFactory.SharingDatabaseOf(_first);

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    [Fact]
    public async Task The_other_instance_counts_on_the_loaded_notice_after_its_next_check()
    {
        const string dueAcrossBridgeDay = "/api/v1/calendar/due?from=2027-02-08&workingDays=1";
        Assert.Equal(new DateOnly(2027, 2, 9), (await (await _second.Anonymous().GetAsync(dueAcrossBridgeDay)).ReadAsync<DueAnswer>()).DueDate);

        var load = await (await _first.SignedIn("admin")).PostAsJsonAsync("/api/v1/calendar/admin/notices", CalendarRecountTests.Notice2027(), Json.Options);
        Assert.Equal(HttpStatusCode.Accepted, load.StatusCode);
        Assert.Equal(new DateOnly(2027, 2, 10), (await (await _first.Anonymous().GetAsync(dueAcrossBridgeDay)).ReadAsync<DueAnswer>()).DueDate);
        Assert.Equal(new DateOnly(2027, 2, 9), (await (await _second.Anonymous().GetAsync(dueAcrossBridgeDay)).ReadAsync<DueAnswer>()).DueDate); // kept until it looks

        await _second.Services.GetRequiredService<CalendarChangeWorker>().RunUntilDoneAsync(CancellationToken.None);
        var after = await (await _second.Anonymous().GetAsync(dueAcrossBridgeDay)).ReadAsync<DueAnswer>();
        Assert.Equal(new DateOnly(2027, 2, 10), after.DueDate);
        Assert.True(after.OfficialCalendarPublished);
    }
}
