using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Shared;

/// <summary>The error page for people; the API gets problem details from <see cref="ProblemMapping"/> instead.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; } = 500;
    public string? Message { get; private set; }

    public IActionResult OnGet(int? status) => Handle(status);

    public IActionResult OnPost(int? status) => Handle(status);

    private IActionResult Handle(int? status)
    {
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is not null && ProblemMapping.ToProblem(error) is { } problem)
        {
            Status = problem.Status ?? 500;
            Message = problem.Title;
        }
        else
        {
            Status = status ?? (error is null ? 404 : 500);
        }
        Response.StatusCode = Status;
        return Page();
    }
}
