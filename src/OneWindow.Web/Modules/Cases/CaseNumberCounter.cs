namespace OneWindow.Web.Modules.Cases;

/// <summary>The last value handed out under one prefix: case numbers (county code and Beijing date), notice numbers (文号), supervision notices.</summary>
public sealed class CaseNumberCounter
{
    public required string Prefix { get; init; }
    public long LastValue { get; set; }
}
