using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using OneWindow.Web.Data;

namespace OneWindow.Web.Infrastructure;

/// <summary>One data-protection key ring element (the keys that sign sign-in cookies and anti-forgery tokens).</summary>
public sealed class DataProtectionKeyRow
{
    public int Id { get; init; }
    public string? FriendlyName { get; init; }
    public required string Xml { get; init; }
}

/// <summary>
/// Keeps the data-protection key ring in the database, so that every app instance on the same database signs and
/// reads the same cookies and tokens: a user signed in on one instance is signed in on all of them, and a restart
/// does not sign anybody out. The ring holds a handful of keys (one new key every 90 days).
/// </summary>
public sealed class DataProtectionKeyStore(IServiceScopeFactory scopes) : IXmlRepository
{
    /// <summary>A bound far above any real ring.</summary>
    public const int MaxKeys = 1000;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        return [.. db.DataProtectionKeys.OrderBy(k => k.Id).Take(MaxKeys).Select(k => k.Xml).ToList().Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKeyRow { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
