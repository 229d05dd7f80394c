using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.ApiClients;

/// <summary>What a presented key turned out to be: a client, or why not (a stable problem code).</summary>
public sealed record ApiKeyCheck(ApiClientCaller? Client, IReadOnlyList<string> Scopes, string? Problem)
{
    public static ApiKeyCheck Refused(string problem) => new(null, [], problem);
}

/// <summary>
/// Client keys (ADR 0025): <c>ow_</c> and 43 characters of base64url over 32 bytes from the CSPRNG (256 bits). Kept as
/// an unsalted SHA-256 of the whole key: with that much entropy no dictionary or brute force reaches it, so a salt or a
/// slow hash would add cost to every request and nothing to safety, and the hash can be looked up by a unique index.
/// The first eleven characters are kept in clear to recognize a key. Every check reads the client's row — no cache —
/// so a revocation holds from the next request on every instance. The lookup is reused by whatever receives a key
/// elsewhere than in a header (Open311's <c>api_key</c> form field).
/// </summary>
public sealed class ApiKeys(OneWindowDbContext db, TimeProvider clock, ILogger<ApiKeys> log)
{
    public const string Marker = "ow_";
    public const int PrefixLength = 11;
    private const int KeyLength = 46;

    /// <summary>How stale the last-used time may be: it is written at most once in this time per key.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public static string NewKey() => Marker + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string PrefixOf(string key) => key[..PrefixLength];

    public async Task<ApiKeyCheck> CheckAsync(string? presented, CancellationToken ct)
    {
        var key = presented?.Trim();
        if (key is not { Length: KeyLength } || !key.StartsWith(Marker, StringComparison.Ordinal))
        {
            return ApiKeyCheck.Refused("api-key.invalid");
        }
        var hash = Hash(key);
        var row = await db.ApiClients().AsNoTracking().Where(c => c.KeyHash == hash)
            .Select(c => new { c.Id, c.Name, c.KeyPrefix, c.DepartmentId, c.Scopes, c.RequestsPerMinute, c.RevokedAt, c.LastUsedAt })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return ApiKeyCheck.Refused("api-key.invalid");
        }
        if (row.RevokedAt is not null)
        {
            log.LogWarning("Revoked API key {Prefix} of client {ClientId} ({ClientName}) was presented", row.KeyPrefix, row.Id, row.Name);
            return ApiKeyCheck.Refused("api-key.revoked");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (row.LastUsedAt is not { } last || now - last >= LastUsedResolution)
        {
            // Conditional, so that of several instances and parallel requests at most one writes in each minute.
            var before = now - LastUsedResolution;
            var id = row.Id;
            await db.ApiClients().Where(c => c.Id == id && (c.LastUsedAt == null || c.LastUsedAt <= before))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastUsedAt, now), ct);
        }
        return new ApiKeyCheck(new ApiClientCaller(row.Id, row.Name, row.KeyPrefix, row.DepartmentId, row.RequestsPerMinute),
            row.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), null);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
