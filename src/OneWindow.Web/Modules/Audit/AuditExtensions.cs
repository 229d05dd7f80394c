using System.Text.Json;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Audit;

public static class AuditExtensions
{
    /// <summary>Adds an audit entry to the same unit of work as the change it records.</summary>
    public static void Audit(this OneWindowDbContext db, DateTime at, string actor, string entityType, string entityKey, string action, object? details = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = at,
            Actor = actor,
            EntityType = entityType,
            EntityKey = entityKey,
            Action = action,
            Details = details is null ? null : JsonSerializer.Serialize(details, OneWindowDbContext.DocumentJson),
        });
}
