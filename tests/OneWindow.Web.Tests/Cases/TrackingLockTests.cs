using System.Net;
using System.Net.Http.Json;
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
        var response = await clerk.PostAsJsonAsync("/api/v1/cases", new RegisterApplication("431025-MZ-001", ApplicantKind.Person, "柳青", "11010519491231002X", "13812345678"), Json.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync<CaseView>()).Number;
    }
}
