using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OneWindow.BrowserTests;

public static class Arrival
{
    /// <summary>
    /// Waits until the page is at <paramref name="url"/> (a glob: <c>**</c> any text, <c>*</c> any text without a
    /// slash, everything else literal) and its main content is there. Playwright's WaitForURL also waits for the load
    /// event — even when asked to wait only for the commit, once the URL already matches — and on a busy CI machine its
    /// client twice missed a load that had happened (the page showed the workbench and the wait timed out, logging
    /// only "NetworkIdle event fired"). The URL, polled, and the rendered main element are what the journeys need.
    /// </summary>
    public static async Task ArriveAtAsync(this IPage page, string url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(Glob(url), new PageAssertionsToHaveURLOptions { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("main")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 });
    }

    private static Regex Glob(string glob)
    {
        var pattern = string.Join("", Regex.Split(glob, @"(\*\*|\*)").Select(part => part switch
        {
            "**" => ".*",
            "*" => "[^/]*",
            _ => Regex.Escape(part),
        }));
        return new Regex("^" + pattern + "$"); // no options: Playwright sends the pattern to the browser as a JavaScript RegExp
    }
}
