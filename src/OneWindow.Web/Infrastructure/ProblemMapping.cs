using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Catalog;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// The one error style of the API (RFC 9457 problem details): a broken rule is 409 with its stable code, invalid
/// input is 400 with field errors, an action the person's role may not take is 403, a concurrent edit is 409 <c>concurrency.conflict</c>.
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var details = ToProblem(exception);
        if (details is null)
        {
            return false;
        }
        httpContext.Response.StatusCode = details.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    public static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        GuideInvalidException invalid => new ValidationProblemDetails(
            invalid.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "办事指南不完整",
            Extensions = { ["code"] = "guide.invalid", ["codes"] = invalid.Problems.Select(p => p.Code).ToArray() },
        },
        // A work order's file (ADR 0036): too large is 413, a type refused by its content 415, with the field and the stable code.
        DomainRuleException { Code: "hotline.file-too-large" or "hotline.file-type" } file => new ValidationProblemDetails(
            new Dictionary<string, string[]> { [file.Field ?? "files"] = [file.Message] })
        {
            Status = file.Code == "hotline.file-too-large" ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status415UnsupportedMediaType,
            Title = file.Message,
            Extensions = { ["code"] = file.Code },
        },
        DomainRuleException { Field: { } field } invalid => new ValidationProblemDetails(
            invalid.Errors?.ToDictionary(e => e.Key, e => new[] { e.Value }) ?? new Dictionary<string, string[]> { [field] = [invalid.Message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = invalid.Message,
            Extensions = { ["code"] = invalid.Code },
        },
        DomainRuleException rule => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = rule.Message,
            Type = "https://onewindow.example/problems/" + rule.Code,
            Extensions = { ["code"] = rule.Code },
        },
        ActionNotAllowedException notAllowed => new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = notAllowed.Message,
            Extensions = { ["code"] = notAllowed.Code },
        },
        ForbiddenException forbidden => new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = forbidden.Message,
            Extensions = { ["code"] = forbidden.Code },
        },
        NotFoundException notFound => new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = notFound.Message,
            Extensions = { ["code"] = "not-found" },
        },
        DbUpdateConcurrencyException => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "该记录已被他人修改，请刷新后重试",
            Extensions = { ["code"] = "concurrency.conflict" },
        },
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } tooLarge => new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = InputGuards.TooLargeTitle,
            Detail = tooLarge.Message,
            Extensions = { ["code"] = "request.too-large" },
        },
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = "请求格式不正确",
            Detail = bad.Message,
            Extensions = { ["code"] = "request.malformed" },
        },
        _ => null,
    };
}
