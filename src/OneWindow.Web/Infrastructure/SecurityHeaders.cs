namespace OneWindow.Web.Infrastructure;

public static class SecurityHeaders
{
    /// <summary>
    /// A strict content security policy (no inline scripts or styles, nothing from other origins) and the usual
    /// hardening headers. Pages keep all script and style in files under wwwroot.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "DENY";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (context.Request.IsHttps)
        {
            // Only over TLS (directly, or behind the proxy that says so): a browser remembers to never use plain HTTP.
            headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        }
        await next();
    });
}
