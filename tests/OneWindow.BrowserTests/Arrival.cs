using Microsoft.Playwright;

namespace OneWindow.BrowserTests;

public static class Arrival
{
    /// <summary>
    /// Waits until the page is at <paramref name="url"/> (a glob) and its main content is there. Playwright's
    /// WaitForURL waits for the load event as well, and on a busy CI machine it once missed a load that had
    /// happened (microsoft/playwright-dotnet#2897): the page showed the workbench and the wait still timed out.
    /// The response's arrival and the rendered main element are what the journeys need, and neither is missed.
    /// </summary>
    public static async Task ArriveAtAsync(this IPage page, string url)
    {
        await page.WaitForURLAsync(url, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("main")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 });
    }
}
