using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Web.Modules.Calendar.Changes;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Calendar.CalendarRecountTests;

namespace OneWindow.Web.Tests.Calendar;

/// <summary>
/// The recount in the background, as in production: with <c>Calendar:CheckSeconds</c> 0 a notice loaded on the instance is
/// still recounted and the idle worker does not spin; a setting out of range does not stop the host; and with two
/// instances a notice loaded on one is recounted exactly once.
/// </summary>
public sealed class CalendarWorkerTests
{
    private static Dictionary<string, string> Background(string checkSeconds) => new()
    {
        ["Calendar:RecountInBackground"] = "true",
        ["Calendar:CheckSeconds"] = checkSeconds,
    };

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task With_any_check_interval_a_notice_loaded_here_is_recounted_and_the_idle_worker_does_not_spin(string checkSeconds)
    {
        using var app = OneWindowFactory.WithSettings(Background(checkSeconds));
        app.Clock.Set(Bj(2027, 1, 25));
        var clerk = await app.SignedIn("clerk");
        var c = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-SJ-003", "甲"), "accept", new { });

        var admin = await app.SignedIn("admin");
        var change = await (await admin.PostAsJsonAsync("/api/v1/calendar/admin/notices", Notice2027(), Json.Options)).ReadAsync<CalendarChangeView>();
        var done = await WaitUntilCompleteAsync(admin, change.Id);
        Assert.Equal(1, done.RecordsMoved);
        Assert.Equal(new DateOnly(2027, 2, 25), (await (await clerk.GetAsync($"/api/v1/cases/{c.Number}")).ReadAsync<CaseView>()).Statutory.DueDate);

        // Idle: a tick a second at most while a change was waiting, none after (0 waits for the next change made here).
        var worker = app.Services.GetRequiredService<CalendarChangeWorker>();
        var ticks = worker.Ticks;
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.InRange(worker.Ticks - ticks, 0, 1);
        Assert.InRange(worker.CheckSeconds, 0, CalendarChangeWorker.MaxCheckSeconds);
    }

    [Fact]
    public async Task A_check_interval_beyond_an_hour_is_taken_as_an_hour_and_the_host_keeps_serving()
    {
        using var app = OneWindowFactory.WithSettings(Background("999999999"));
        var worker = app.Services.GetRequiredService<CalendarChangeWorker>();
        Assert.Equal(CalendarChangeWorker.MaxCheckSeconds, worker.CheckSeconds);
        var admin = await app.SignedIn("admin");
        var change = await (await admin.PostAsJsonAsync("/api/v1/calendar/admin/notices", Notice2027(), Json.Options)).ReadAsync<CalendarChangeView>();
        await Task.Delay(TimeSpan.FromSeconds(2));
        // Still serving (before, the worker's first wait was out of range and stopped the host). On SQLite the recount
        // ran when the change woke the worker; on PostgreSQL it waits two check intervals for the other instances.
        var view = await (await admin.GetAsync($"/api/v1/calendar/admin/changes/{change.Id}")).ReadAsync<CalendarChangeView>();
        await using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            Assert.Equal(!db.Database.IsNpgsql(), view.Completed);
        }
    }

    [Fact]
    public async Task A_notice_loaded_on_one_of_two_instances_is_recounted_exactly_once()
    {
        using var first = OneWindowFactory.WithSettings(Background("1"));
        using var second = OneWindowFactory.SharingDatabaseOf(first, settings: Background("1"));
        first.Clock.Set(Bj(2027, 1, 25));
        second.Clock.Set(Bj(2027, 1, 25));
        var clerk = await first.SignedIn("clerk");
        var moving = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            moving.Add((await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-SJ-003", $"甲{i}"), "accept", new { })).Number);
        }
        var staying = (await CaseApi.Register(clerk, "431025-SJ-003", "乙")).Number; // its notice period ends before 春节

        var admin = await second.SignedIn("admin");
        var change = await (await admin.PostAsJsonAsync("/api/v1/calendar/admin/notices", Notice2027(), Json.Options)).ReadAsync<CalendarChangeView>();
        // On PostgreSQL the recount waits two check intervals after the change (every instance has looked by then).
        first.Clock.Advance(TimeSpan.FromSeconds(3));
        second.Clock.Advance(TimeSpan.FromSeconds(3));
        var done = await WaitUntilCompleteAsync(admin, change.Id);

        await using var db = first.NewDbContext(out var scope);
        using (scope)
        {
            Assert.Equal(await db.Cases.CountAsync(x => x.Open), done.RecordsChecked);
            Assert.Equal(3, done.RecordsMoved);
            var entries = await db.CalendarChangeEntries.AsNoTracking().Where(e => e.ChangeId == change.Id).Select(e => e.Number).ToListAsync();
            Assert.Equal(moving, entries.Order(StringComparer.Ordinal));
            foreach (var number in moving.Append(staying))
            {
                var id = (await db.Cases.AsNoTracking().SingleAsync(x => x.Number == number)).Id;
                Assert.Equal(number == staying ? 0 : 1, await db.CaseEvents.CountAsync(e => e.CaseId == id && e.Action == "calendar-changed"));
            }
            Assert.Equal(3, await db.OutboxMessages.CountAsync(m => m.DedupKey.StartsWith($"calendar-change:{change.Id}:")));
        }
        // The instance that did not load it counts on the notice too, at its next check.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var due = await (await first.Anonymous().GetAsync("/api/v1/calendar/due?from=2027-02-08&workingDays=1")).ReadAsync<Modules.Calendar.DueAnswer>();
        Assert.Equal(new DateOnly(2027, 2, 10), due.DueDate);
    }

    private static async Task<CalendarChangeView> WaitUntilCompleteAsync(HttpClient admin, Guid change)
    {
        for (var i = 0; i < 300; i++)
        {
            var view = await (await admin.GetAsync($"/api/v1/calendar/admin/changes/{change}")).ReadAsync<CalendarChangeView>();
            if (view.Completed)
            {
                return view;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
        throw new TimeoutException($"The recount of {change} did not complete within 30 s.");
    }
}
