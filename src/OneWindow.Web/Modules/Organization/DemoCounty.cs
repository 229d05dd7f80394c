using OneWindow.Domain;
using OneWindow.Domain.Identifiers;
using OneWindow.Domain.Organization;

namespace OneWindow.Web.Modules.Organization;

/// <summary>
/// The demo county: 湖南省郴州市临武县 (431025), whose towns seed 000 names (汾市, 武源, 香花岭 ...). Regions come
/// from the shipped NBS division codes; departments, venues and windows follow the seeds (seed 002's eight
/// departments, seed 003's five comprehensive window categories, seed 000's 市场/税务/社保 windows).
/// The departments' credit codes are demo codes with a correct GB 32100 check character, not real ones.
/// </summary>
public static class DemoCounty
{
    public const string CountyCode = "431025000000";
    public const string CountyName = "临武县";
    public const string CenterAddress = "临武县舜峰镇政务服务中心（为民服务中心）一楼大厅";
    public const string CenterHours = "周一至周五 上午 8:30–12:00，下午 14:30–17:30（法定节假日除外；周六上午延时服务）";
    public const string SupervisionPhone = "0735-6360000";

    public sealed record DepartmentSeed(string Key, string Name, string Phone, int SortOrder);

    public static readonly IReadOnlyList<DepartmentSeed> Departments =
    [
        new("MZ", "临武县民政局", "0735-6361201", 10),
        new("TJ", "临武县统计局", "0735-6361202", 20),
        new("ZJ", "临武县住房和城乡建设局", "0735-6361203", 30),
        new("ZR", "临武县自然资源局", "0735-6361204", 40),
        new("JT", "临武县交通运输局", "0735-6361205", 50),
        new("WJ", "临武县卫生健康局", "0735-6361206", 60),
        new("CG", "临武县城市管理和综合执法局", "0735-6361207", 70),
        new("WL", "临武县文化旅游广电体育局", "0735-6361208", 80),
        new("SJ", "临武县市场监督管理局", "0735-6361209", 90),
        new("SW", "国家税务总局临武县税务局", "0735-6361210", 100),
        new("RS", "临武县人力资源和社会保障局", "0735-6361211", 110),
        new("GA", "临武县公安局", "0735-6361212", 120),
        new("BDC", "临武县不动产登记中心", "0735-6361213", 130),
    ];

    /// <summary>A demo credit code for a county organ: 1 (机构编制) 1 (机关) + division + organisation code + check.</summary>
    public static string DemoCreditCode(int n)
    {
        var first17 = $"11431025MB{n:D7}";
        return first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17);
    }

    public sealed record WindowSeed(string Number, string Name, WindowKind Kind, WindowCategory Category, string? DepartmentKey);

    public static readonly IReadOnlyList<WindowSeed> CenterWindows =
    [
        new("A01", "项目投资综合受理窗口", WindowKind.Comprehensive, WindowCategory.ProjectInvestment, null),
        new("A02", "建设许可综合受理窗口", WindowKind.Comprehensive, WindowCategory.ConstructionPermit, null),
        new("A03", "涉农服务综合受理窗口", WindowKind.Comprehensive, WindowCategory.AgricultureServices, null),
        new("A04", "市场服务综合受理窗口", WindowKind.Comprehensive, WindowCategory.MarketServices, null),
        new("A05", "社会事务综合受理窗口", WindowKind.Comprehensive, WindowCategory.SocialAffairs, null),
        new("B01", "民政窗口", WindowKind.Department, WindowCategory.SocialAffairs, "MZ"),
        new("B02", "统计窗口", WindowKind.Department, WindowCategory.MarketServices, "TJ"),
        new("B03", "住建窗口", WindowKind.Department, WindowCategory.ConstructionPermit, "ZJ"),
        new("B04", "自然资源窗口", WindowKind.Department, WindowCategory.ConstructionPermit, "ZR"),
        new("B05", "交通运输窗口", WindowKind.Department, WindowCategory.MarketServices, "JT"),
        new("B06", "卫生健康窗口", WindowKind.Department, WindowCategory.SocialAffairs, "WJ"),
        new("B07", "城市管理窗口", WindowKind.Department, WindowCategory.ConstructionPermit, "CG"),
        new("B08", "文旅广体窗口", WindowKind.Department, WindowCategory.MarketServices, "WL"),
        new("B09", "市场监管窗口", WindowKind.Department, WindowCategory.MarketServices, "SJ"),
        new("B10", "税务窗口", WindowKind.Department, WindowCategory.MarketServices, "SW"),
        new("B11", "人社窗口", WindowKind.Department, WindowCategory.SocialAffairs, "RS"),
        new("B12", "公安窗口", WindowKind.Department, WindowCategory.SocialAffairs, "GA"),
        new("B13", "不动产登记窗口", WindowKind.Department, WindowCategory.ConstructionPermit, "BDC"),
        new("C01", "统一收费窗口", WindowKind.Comprehensive, WindowCategory.None, null),
        new("C02", "统一出件窗口", WindowKind.Comprehensive, WindowCategory.None, null),
    ];

    /// <param name="VenueRegion">The town or village whose hall or room they work at (null: the county center).</param>
    public sealed record StaffSeed(string UserName, string DisplayName, string Role, string? DepartmentKey, string? WindowNumber, string? VenueRegion = null);

    /// <summary>The demo accounts; every one signs in with <see cref="DemoPassword"/> (the README lists them).</summary>
    public static readonly IReadOnlyList<StaffSeed> Staff =
    [
        new("admin", "中心管理办 刘主任", StaffRoles.CenterAdmin, null, null),
        new("clerk", "综合窗口 李芳", StaffRoles.WindowClerk, null, "A04"),
        new("clerk.mz", "民政窗口 王敏", StaffRoles.WindowClerk, "MZ", "B01"),
        new("clerk.town", "汾市镇便民服务中心 陈静", StaffRoles.WindowClerk, null, "1", FenshiTown),
        new("clerk.shunfeng", "舜峰镇便民服务中心 何丽", StaffRoles.WindowClerk, null, "1", ShunfengTown),
        // Village rooms' agents (代办员): window clerks at their room, who take in for the county and keep the ledger.
        new("agent.baishi", "白石村便民服务站 代办员 邓小红", StaffRoles.WindowClerk, null, "1", BaishiVillage),
        new("agent.dutou", "渡头村便民服务站 代办员 李春梅", StaffRoles.WindowClerk, null, "1", DutouVillage),
        new("reviewer.sj", "市场监管 审核人 赵磊", StaffRoles.Reviewer, "SJ", "B09"),
        new("approver.sj", "市场监管 首席代表 周军", StaffRoles.Approver, "SJ", "B09"),
        new("reviewer.mz", "民政 审核人 孙丽", StaffRoles.Reviewer, "MZ", "B01"),
        new("approver.mz", "民政 首席代表 吴刚", StaffRoles.Approver, "MZ", "B01"),
        new("approver.bdc", "不动产登记 首席代表 冯涛", StaffRoles.Approver, "BDC", "B13"),
        // The other departments of 开办企业一件事 (公安、税务、人社): their window clerks decide the instant parts.
        new("clerk.ga", "公安窗口 黄伟", StaffRoles.WindowClerk, "GA", "B12"),
        new("clerk.sw", "税务窗口 林静", StaffRoles.WindowClerk, "SW", "B10"),
        new("clerk.rs", "人社窗口 高峰", StaffRoles.WindowClerk, "RS", "B11"),
        // 汾市镇's own reviewer and approver (town hall accounts of the town government): they decide the town-own items.
        new("reviewer.town", "汾市镇人民政府 审核人 曹慧", StaffRoles.Reviewer, TownDepartmentKey, null, FenshiTown),
        new("approver.town", "汾市镇人民政府 分管领导 欧阳平", StaffRoles.Approver, TownDepartmentKey, null, FenshiTown),
        new("supervisor", "电子监察室 郑明", StaffRoles.Supervisor, null, null),
        new("hotline", "12345 坐席 何晓", StaffRoles.HotlineOperator, null, null),
        new("leader", "县政府 分管副县长", StaffRoles.Leader, null, null),
        // The county government's coordinator of the hotline orders towns lead (a leader's read-only view, ADR 0034).
        new("coordinator", "县政府办公室 乡镇工单协调 罗芳", StaffRoles.Leader, null, null),
    ];

    public const string DemoPassword = "OneWindow2026";

    // The towns and villages whose halls and rooms the demo staffs (NBS codes of 临武县).
    public const string ShunfengTown = "431025100000"; // 舜峰镇, the county seat
    public const string WushuiTown = "431025104000";   // 武水镇
    public const string FenshiTown = "431025106000";   // 汾市镇
    public const string BaishiVillage = "431025106202"; // 汾市镇白石村
    public const string DutouVillage = "431025106203";  // 汾市镇渡头村

    /// <summary>The key of 汾市镇's own department (本级办理机构), the town government, which decides its town-own items.</summary>
    public const string TownDepartmentKey = "FS";
    public static readonly DepartmentSeed FenshiGovernment = new(TownDepartmentKey, "汾市镇人民政府", "0735-6381001", 500);

    /// <summary>The town-own items 汾市镇 decides with its own department (added to its hall's list as Decide).</summary>
    public static readonly IReadOnlyList<(string Code, TierItemRole Role)> FenshiOwnItems = [("431025-MZ-005", TierItemRole.Decide)];

    /// <summary>A staffed town hall's list: the common list, and 汾市镇's own items for 汾市镇.</summary>
    public static IReadOnlyList<(string Code, TierItemRole Role)> TownHallListOf(string town) =>
        town == FenshiTown ? [.. TownHallList, .. FenshiOwnItems] : TownHallList;

    /// <summary>The town halls and village rooms that get a counter (window "1") and a tier list in the demo.</summary>
    public static readonly IReadOnlyList<string> StaffedTowns = [ShunfengTown, WushuiTown, FenshiTown];
    public static readonly IReadOnlyList<string> StaffedVillages = [BaishiVillage, DutouVillage];

    /// <summary>
    /// The demo's tier lists (下沉清单), after seed 001: a town hall decides the town-own matters (计生's 生育登记,
    /// 劳动保障's residents' pension enrolment), takes in for the county what people of the countryside ask most, and
    /// advises on what only the county center takes in; a village room takes in a few of them and advises on more.
    /// </summary>
    public static readonly IReadOnlyList<(string Code, TierItemRole Role)> TownHallList =
    [
        ("431025-WJ-001", TierItemRole.Decide), ("431025-RS-002", TierItemRole.Decide),
        ("431025-WJ-002", TierItemRole.TakeIn), ("431025-RS-001", TierItemRole.TakeIn), ("431025-GA-002", TierItemRole.TakeIn),
        ("431025-GA-003", TierItemRole.TakeIn), ("431025-SJ-002", TierItemRole.TakeIn), ("431025-SJ-003", TierItemRole.TakeIn),
        ("431025-ZR-001", TierItemRole.TakeIn), ("431025-JT-002", TierItemRole.TakeIn), ("431025-MZ-003", TierItemRole.TakeIn),
        ("431025-SJ-001", TierItemRole.Advise), ("431025-BDC-001", TierItemRole.Advise), ("431025-MZ-004", TierItemRole.Advise),
    ];

    public static readonly IReadOnlyList<(string Code, TierItemRole Role)> VillageRoomList =
    [
        ("431025-RS-002", TierItemRole.TakeIn), ("431025-WJ-001", TierItemRole.TakeIn), ("431025-WJ-002", TierItemRole.TakeIn),
        ("431025-ZR-001", TierItemRole.TakeIn),
        ("431025-GA-003", TierItemRole.Advise), ("431025-SJ-002", TierItemRole.Advise), ("431025-RS-001", TierItemRole.Advise),
    ];

    /// <summary>A demo applicant (办事群众) who signs in with a phone number; the ID number is made up with a correct check character.</summary>
    public sealed record ApplicantSeed(string Phone, string Name, string IdentityNumber);

    public static readonly ApplicantSeed DemoApplicant = new("13907350001", "张建国", "431025199001011238");
}
