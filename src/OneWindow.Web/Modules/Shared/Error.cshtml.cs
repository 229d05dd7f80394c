using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Shared;

/// <summary>
/// Where errors end up. A request to the API gets RFC 9457 problem details (the same shape as
/// <see cref="ProblemMapping"/> gives); a person gets a readable page that says nothing was saved.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; } = 500;
    public string? Message { get; private set; }
    /// <summary>For an upload refused as too large: the page the form was on, to go back to (what was saved before stays).</summary>
    public string? BackTo { get; private set; }

    public IActionResult OnGet(int? status) => Handle(status);

    public IActionResult OnPost(int? status) => Handle(status);

    public IActionResult OnPut(int? status) => Handle(status);

    public IActionResult OnDelete(int? status) => Handle(status);

    private IActionResult Handle(int? status)
    {
        var exceptionFeature = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var originalPath = exceptionFeature?.Path ?? HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? "";
        var problem = exceptionFeature?.Error is { } error ? ProblemMapping.ToProblem(error) : null;
        Status = problem?.Status ?? status ?? (exceptionFeature is null ? 404 : 500);
        // A refusal by the input guards says why; its reason is Chinese, shown in the reader's language.
        Message = problem?.Title ?? (HttpContext.Items[InputGuards.RefusalItem] is string refusal ? Text.Translate(refusal) : null);
        Response.StatusCode = Status;
        if (Status == StatusCodes.Status413PayloadTooLarge && originalPath.StartsWith('/') && !originalPath.StartsWith("//", StringComparison.Ordinal))
        {
            // The form's page again (a handler's query names the post, not the page): /my/cases/{id}, /my/apply?item=…
            var query = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalQueryString ?? "";
            BackTo = originalPath + (query.Contains("handler=", StringComparison.OrdinalIgnoreCase) ? "" : query);
        }
        if (originalPath.StartsWith("/open311/", StringComparison.OrdinalIgnoreCase))
        {
            // Open311 answers errors in its own format: the problem-details service's first writer takes its paths.
            var problems = HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
            return new OpenProblemResult(problems, new ProblemDetails { Status = Status, Title = problem?.Title ?? Message });
        }
        if (originalPath.StartsWith("/api", StringComparison.Ordinal))
        {
            problem ??= new ProblemDetails
            {
                Status = Status,
                Title = Status switch
                {
                    404 => "Not found",
                    400 => "Bad request",
                    405 => "Method not allowed",
                    413 => InputGuards.TooLargeTitle,
                    415 => "Unsupported media type",
                    _ => "Server error",
                },
                Extensions = { ["code"] = Status switch { 404 => "not-found", 400 => "request.malformed", 413 => "request.too-large", 500 => "server.error", _ => "http." + Status } },
            };
            return new ObjectResult(problem) { StatusCode = Status, ContentTypes = { "application/problem+json" } };
        }
        return Page();
    }
}

/// <summary>A refusal written by the problem-details service (whose writers choose the format by the request's path).</summary>
internal sealed class OpenProblemResult(IProblemDetailsService problems, ProblemDetails details) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        context.HttpContext.Response.StatusCode = details.Status ?? 500;
        return problems.WriteAsync(new ProblemDetailsContext { HttpContext = context.HttpContext, ProblemDetails = details }).AsTask();
    }
}
