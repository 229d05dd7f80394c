namespace OneWindow.Web.Modules.Organization;

/// <summary>
/// The window a member of staff sits at (坐席窗口), as they chose it at the workbench or at intake. Kept on the server,
/// so it follows them from one device to the next; the cases they take in are counted against it.
/// </summary>
public sealed class StaffSeat
{
    public required string UserId { get; init; }
    public Guid WindowId { get; set; }
    public DateTime ChosenAt { get; set; }
}
