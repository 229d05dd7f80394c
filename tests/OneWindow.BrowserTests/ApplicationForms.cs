using Microsoft.Playwright;
using OneWindow.Web.Modules.Catalog;

namespace OneWindow.BrowserTests;

public static class ApplicationForms
{
    /// <summary>
    /// Fills the application form (一表通) on the page as an applicant or clerk would, with the demo's sample answers for
    /// the item or package, overridden by <paramref name="answers"/>: a choice is picked, everything else typed.
    /// </summary>
    /// <param name="prefix"><c>Form</c> at the window's intake, <c>Form.Answers</c> online.</param>
    public static async Task FillApplicationFormAsync(this IPage page, string code, string prefix, IReadOnlyDictionary<string, string>? answers = null)
    {
        foreach (var (key, sample) in DemoApplicationForms.SampleAnswers(code))
        {
            var value = answers?.GetValueOrDefault(key) ?? sample ?? "";
            var field = page.Locator($"[name=\"{prefix}[{key}]\"]");
            if (await field.EvaluateAsync<string>("e => e.tagName") == "SELECT")
            {
                await field.SelectOptionAsync(value);
            }
            else
            {
                await field.FillAsync(value);
            }
        }
    }
}
