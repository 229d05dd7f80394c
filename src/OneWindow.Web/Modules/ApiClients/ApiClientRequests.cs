using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Audit;

namespace OneWindow.Web.Modules.ApiClients;

/// <summary>
/// Requests per minute per key, counted in this instance's memory (ADR 0025): a fixed window of one minute per client,
/// its size the client's <see cref="ApiClient.RequestsPerMinute"/>. Behind N instances a key can make up to N times
/// its limit; the limit guards the platform against one runaway system, and a shared counter would cost a database
/// write on every request. Reused by whatever authenticates a key outside the header (Open311's <c>api_key</c>).
/// </summary>
public sealed class ApiClientLimiter : IDisposable
{
    private readonly ConcurrentDictionary<(Guid Client, int PerMinute), FixedWindowRateLimiter> limiters = new();

    public RateLimitLease Acquire(ApiClientCaller client)
    {
        var perMinute = Math.Max(1, client.RequestsPerMinute);
        var limiter = limiters.GetOrAdd((client.Id, perMinute), static k => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = k.PerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        return limiter.AttemptAcquire();
    }

    /// <summary>The seconds a refused client should wait: what the limiter says, or the rest of the minute.</summary>
    public static int RetryAfterSeconds(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;

    public void Dispose()
    {
        foreach (var limiter in limiters.Values)
        {
            limiter.Dispose();
        }
    }
}

/// <summary>
/// What happens to every request a client key authenticated, after authentication and before authorization: it is
/// counted against the key's rate limit (over it: 429 with Retry-After), and attributed in the audit log — action
/// <c>api-request</c> on the client, with its name, key prefix, method, path and status. The entry is staged on the
/// request's context before the endpoint runs, so that an endpoint that writes saves it in its own unit (no extra
/// transaction, and the change and its attribution commit together); a request that wrote nothing, was refused or
/// failed gets the entry saved on its own afterwards.
/// </summary>
public sealed class ApiClientRequests(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, ApiClientLimiter limiter, OneWindowDbContext db, WriteUnit unit, TimeProvider clock)
    {
        var client = ApiClientCaller.Of(http.User);
        // The error page or status page re-running the pipeline for a request already counted and attributed.
        if (client is null || http.Features.Get<IExceptionHandlerFeature>() is not null || http.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(http);
            return;
        }
        using var lease = limiter.Acquire(client);
        var entry = Entry(client, http, clock.GetUtcNow().UtcDateTime, status: null);
        if (!lease.IsAcquired)
        {
            http.Response.Headers.RetryAfter = ApiClientLimiter.RetryAfterSeconds(lease).ToString(CultureInfo.InvariantCulture);
            await ApiKeyAuthentication.WriteProblemAsync(http, StatusCodes.Status429TooManyRequests, "该接入应用的请求过于频繁，请稍后再试。", "api-key.rate-limited");
            await SaveAloneAsync(db, unit, Entry(client, http, entry.At, 429));
            return;
        }
        db.AuditEntries.Add(entry);
        int? failedWith = null;
        try
        {
            await next(http);
        }
        catch (Exception e)
        {
            // A refusal thrown to the exception handler (ProblemMapping): its status is written after this returns.
            failedWith = ProblemMapping.ToProblem(e)?.Status ?? StatusCodes.Status500InternalServerError;
            throw;
        }
        finally
        {
            if (db.Entry(entry).State != EntityState.Unchanged)
            {
                // Not saved by the endpoint: nothing written, refused, rolled back or failed.
                if (db.Entry(entry).State != EntityState.Detached)
                {
                    db.Entry(entry).State = EntityState.Detached;
                }
                await SaveAloneAsync(db, unit, Entry(client, http, entry.At, failedWith ?? http.Response.StatusCode));
            }
        }
    }

    private static AuditEntry Entry(ApiClientCaller client, HttpContext http, DateTime at, int? status) => new()
    {
        At = at,
        Actor = client.ActorName,
        EntityType = "api-client",
        EntityKey = client.Id.ToString(),
        Action = "api-request",
        Details = System.Text.Json.JsonSerializer.Serialize(new
        {
            clientId = client.Id,
            clientName = client.Name,
            keyPrefix = client.KeyPrefix,
            method = http.Request.Method,
            path = Truncate(http.Request.Path.Value ?? "", 300),
            status,
        }, OneWindowDbContext.DocumentJson),
    };

    private static async Task SaveAloneAsync(OneWindowDbContext db, WriteUnit unit, AuditEntry entry)
    {
        db.ChangeTracker.Clear(); // whatever a failed endpoint left staged is not saved with the attribution
        await unit.RunAsync(_ =>
        {
            db.AuditEntries.Add(entry);
            return Task.CompletedTask;
        }, CancellationToken.None);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
