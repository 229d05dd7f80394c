using OneWindow.Web.Modules.Catalog;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Cases;

/// <summary>
/// Public tracking asks for four characters of the applicant's phone or ID number. Wrong tries are counted per case
/// number as well as per address, so spreading the guesses over many addresses does not help: after five the case's
/// public lookup (and its online rating) is locked for a while, and the page says so.
/// </summary>
public sealed class TrackingLockTests : IDisposable
{
    private readonly OneWindowFactory _app = OneWindowFactory.WithSettings(new Dictionary<string, string>(), PeerAddress.AddTo);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Five_wrong_tails_from_five_addresses_lock_the_case_number_even_for_the_right_tail()
    {
        var number = await RegisterAsync();
        var client = _app.Anonymous();
        for (var i = 0; i < 4; i++)
        {
            var wrong = await client.SendAsync(PeerAddress.Get($"/track?number={number}&tail={1000 + i}", $"203.0.113.{10 + i}"));
            Assert.Contains("没有查到该办件", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // The fifth wrong try locks the case number, and its answer says so.
        var fifth = await client.SendAsync(PeerAddress.Get($"/track?number={number}&tail=1004", "203.0.113.14"));
        Assert.Contains("该办件编号的查询因多次输入错误已暂停，请 15 分钟后再试", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var right = await (await client.SendAsync(PeerAddress.Get($"/track?number={number}&tail=5678", "198.51.100.7"))).Content.ReadAsStringAsync();
        Assert.Contains("该办件编号的查询因多次输入错误已暂停，请 15 分钟后再试", right, StringComparison.Ordinal);
        Assert.DoesNotContain("柳青", right, StringComparison.Ordinal);
        Assert.DoesNotContain("社会团体成立登记", right, StringComparison.Ordinal);

        // Another case is not affected; the locked one opens again after the pause.
        var other = await RegisterAsync();
        Assert.Contains("社会团体成立登记", await client.GetStringAsync($"/track?number={other}&tail=5678"), StringComparison.Ordinal);
        _app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Contains("社会团体成立登记", await client.GetStringAsync($"/track?number={number}&tail=5678"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parallel_wrong_tails_get_no_more_looks_at_the_case_than_the_lock_allows()
    {
        // Thirty guesses at once from thirty addresses: each takes its try before the comparison, so only five are
        // compared (four answered "not found", the fifth with the lock); the others find the number locked. Checking
        // first and counting after the failure let every one of them through.
        var number = await RegisterAsync();
        var client = _app.Anonymous();
        await client.GetStringAsync("/track?number=NO-SUCH-CASE&tail=0000"); // the page is ready: the guesses run side by side
        // The in-process server runs a request without a real socket, often to its end on the caller's thread: the
        // guesses start together on threads of their own, as requests from thirty clients would.
        ThreadPool.GetMinThreads(out var workers, out var ports);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), ports);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var guesses = Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
        {
            await go.Task;
            return await (await client.SendAsync(PeerAddress.Get($"/track?number={number}&tail={3000 + i}", $"203.0.113.{100 + i}"))).Content.ReadAsStringAsync();
        })).ToList();
        go.SetResult();
        var answers = await Task.WhenAll(guesses);
        ThreadPool.SetMinThreads(workers, ports);
        Assert.Equal(4, answers.Count(a => a.Contains("没有查到该办件", StringComparison.Ordinal) && !a.Contains("已暂停", StringComparison.Ordinal)));
        Assert.Equal(26, answers.Count(a => a.Contains("该办件编号的查询因多次输入错误已暂停", StringComparison.Ordinal)));
        // The case number's count is the number of wrong tails that were compared: five, not one per request that
        // passed a check before the first failure was written.
        var key = Web.Infrastructure.AttemptLimiter.KeyOf(_app.Services.GetRequiredService<TrackingGuard>().PerCase, number.ToUpperInvariant());
        var db = _app.NewDbContext(out var scope);
        using (scope)
        {
            Assert.Equal(5, await db.Attempts.Where(a => a.Key == key).Select(a => a.Count).SingleAsync());
        }
    }

    [Fact]
    public async Task The_applicants_own_right_tails_never_lock_their_case()
    {
        var number = await RegisterAsync();
        var client = _app.Anonymous();
        for (var i = 0; i < 4; i++)
        {
            await client.SendAsync(PeerAddress.Get($"/track?number={number}&tail={4000 + i}", $"203.0.113.{40 + i}"));
        }
        // Four wrong tries by a stranger, then the applicant looks ten times: each right try is given back.
        for (var i = 0; i < 10; i++)
        {
            Assert.Contains("社会团体成立登记", await client.GetStringAsync($"/track?number={number}&tail=5678"), StringComparison.Ordinal);
        }
        var fifth = await client.SendAsync(PeerAddress.Get($"/track?number={number}&tail=4999", "203.0.113.49"));
        Assert.Contains("该办件编号的查询因多次输入错误已暂停", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_online_rating_counts_and_respects_the_same_lock()
    {
        var number = await RegisterAsync();
        var client = _app.Anonymous();
        var page = await client.GetStringAsync("/account/login"); // any form gives the client its anti-forgery token
        for (var i = 0; i < 5; i++)
        {
            await Forms.PostWithTokenAsync(client, OneWindowFactory.AntiforgeryToken(page), "/ratings/online",
                new Dictionary<string, string> { ["Number"] = number, ["Tail"] = (2000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), ["Level"] = "Satisfied" });
        }
        var html = await client.GetStringAsync($"/track?number={number}&tail=5678");
        Assert.Contains("该办件编号的查询因多次输入错误已暂停", html, StringComparison.Ordinal);
    }

    private async Task<string> RegisterAsync()
    {
        var clerk = await _app.SignedInOnce("clerk.mz");
        var response = await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-MZ-001", ApplicantKind.Person, "柳青", "11010519491231002X", "13812345678", MaterialsProvided: DemoCatalog.RequiredMaterials("431025-MZ-001")), Json.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync<CaseView>()).Number;
    }
}
