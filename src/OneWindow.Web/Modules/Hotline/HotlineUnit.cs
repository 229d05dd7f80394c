namespace OneWindow.Web.Modules.Hotline;

/// <summary>What kind of body a hotline unit is; all are departments of the organization (ADR 0023).</summary>
public enum HotlineUnitKind
{
    Department = 1,     // 县直部门
    Town = 2,           // 乡镇人民政府 / 街道办事处
    PublicService = 3,  // 公共服务企业 (供水、供电、燃气、通信)
}

/// <summary>
/// A department that takes hotline orders (承办单位): a county department, a town government or a public-service
/// company, each a <see cref="Domain.Organization.Department"/> so that its staff, supervision and assessment work
/// as for any department. The list the operator dispatches to.
/// </summary>
public sealed class HotlineUnit
{
    public Guid DepartmentId { get; init; }
    public HotlineUnitKind Kind { get; set; }
    public int SortOrder { get; set; }
}
