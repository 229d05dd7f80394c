namespace OneWindow.Web.Modules.Cases;

/// <summary>The last case number handed out for one prefix (county code and Beijing date).</summary>
public sealed class CaseNumberCounter
{
    public required string Prefix { get; init; }
    public long LastValue { get; set; }
}
