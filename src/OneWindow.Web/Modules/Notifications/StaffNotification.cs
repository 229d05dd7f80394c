namespace OneWindow.Web.Modules.Notifications;

/// <summary>A message for one member of staff in the workbench (an alert, an escalation, a supervision notice).</summary>
public sealed class StaffNotification
{
    public long Id { get; init; }
    public required string UserId { get; init; }
    public DateTime CreatedAt { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public required string Link { get; init; }
    public Guid? AlertId { get; init; }
    public DateTime? ReadAt { get; set; }
}
