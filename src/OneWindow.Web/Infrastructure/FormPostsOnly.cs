using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// A page is posted to by its own form: a POST whose body is not a form (JSON, plain text, nothing), even with a
/// valid anti-forgery token in a header, is refused with the readable 400 page, instead of reaching a handler that
/// reads <c>Request.Form</c> and throws. It runs after authorization, so that the anonymous are still sent to sign
/// in and the wrong role to the access-denied page, as for any other request.
/// </summary>
public sealed class FormPostsOnly : IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || http.Request.HasFormContentType
            || http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerPathFeature>() is not null)
        {
            return; // a form, a read, or the error page answering for another request
        }
        http.Items[InputGuards.RefusalItem] = InputGuards.UnreadableTitle;
        context.Result = new BadRequestResult();
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
