using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Hotline;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Hotline;
using OneWindow.Web.Modules.Organization;

namespace OneWindow.Web.Seeding;

/// <summary>
/// The demo county's hotline: the units orders go to — the county departments, three departments that have no window
/// in the hall (education, ecology and environment, agriculture), each town's government and the public-service
/// companies (water, power, gas), all departments of the organization (ADR 0023) — a realistic category tree with each
/// category's default unit, and one town's staff account. Run with the demo county, inside its unit.
/// </summary>
public static class HotlineSeed
{
    /// <summary>The town staff account of the demo (its town is the county seat's, the first by code).</summary>
    public const string TownUserName = "unit.town";

    private sealed record UnitSeed(string Key, string Name, string Phone, HotlineUnitKind Kind);

    private static readonly UnitSeed[] ExtraUnits =
    [
        new("JY", "临武县教育局", "0735-6361214", HotlineUnitKind.Department),
        new("HB", "郴州市生态环境局临武分局", "0735-6361215", HotlineUnitKind.Department),
        new("NY", "临武县农业农村局", "0735-6361216", HotlineUnitKind.Department),
        new("WATER", "临武县自来水有限公司", "0735-6362001", HotlineUnitKind.PublicService),
        new("POWER", "国网临武县供电公司", "0735-6362002", HotlineUnitKind.PublicService),
        new("GAS", "临武县燃气有限公司", "0735-6362003", HotlineUnitKind.PublicService),
    ];

    /// <summary>(code, name, parent, default unit key, statutory working days when longer than the type's).</summary>
    private static readonly (string Code, string Name, string? Parent, string? Unit, int? Days)[] Categories =
    [
        ("CX", "城乡建设", null, "ZJ", null),
        ("CX.01", "房屋质量与物业管理", "CX", "ZJ", null),
        ("CX.02", "市政设施与路灯", "CX", "CG", null),
        ("CX.03", "违法建设", "CX", "CG", null),
        ("CX.04", "市容环境卫生", "CX", "CG", null),
        ("JT", "交通运输", null, "JT", null),
        ("JT.01", "公交与客运", "JT", "JT", null),
        ("JT.02", "农村公路养护", "JT", "JT", null),
        ("JT.03", "出租车与网约车", "JT", "JT", null),
        ("SC", "市场监管", null, "SJ", null),
        ("SC.01", "食品安全", "SC", "SJ", null),
        ("SC.02", "价格与收费", "SC", "SJ", null),
        ("SC.03", "消费维权", "SC", "SJ", null),
        // 《市场监督管理投诉举报处理暂行办法》 §31: a report is checked within 15 working days.
        ("SC.04", "无证无照经营举报", "SC", "SJ", 15),
        ("LD", "劳动保障", null, "RS", null),
        ("LD.01", "拖欠农民工工资", "LD", "RS", null),
        ("LD.02", "社会保险", "LD", "RS", null),
        ("LD.03", "就业创业", "LD", "RS", null),
        // 《劳动保障监察条例》 §17: a case is investigated within 60 working days.
        ("LD.04", "劳动保障监察举报", "LD", "RS", 60),
        ("JY", "教育", null, "JY", null),
        ("JY.01", "招生入学", "JY", "JY", null),
        ("JY.02", "校外培训", "JY", "JY", null),
        ("JY.03", "校园安全与学生资助", "JY", "JY", null),
        ("WS", "卫生健康", null, "WJ", null),
        ("WS.01", "医疗服务", "WS", "WJ", null),
        ("WS.02", "疫苗接种与公共卫生", "WS", "WJ", null),
        ("HJ", "生态环境", null, "HB", null),
        ("HJ.01", "噪声扰民", "HJ", "HB", null),
        ("HJ.02", "大气污染", "HJ", "HB", null),
        ("HJ.03", "水污染与尾矿", "HJ", "HB", null),
        ("NY", "农业农村", null, "NY", null),
        ("NY.01", "惠农补贴", "NY", "NY", null),
        ("NY.02", "农村人居环境", "NY", "NY", null),
        ("NY.03", "动物防疫", "NY", "NY", null),
        ("GF", "公共服务（水电气）", null, null, null),
        ("GF.01", "供水", "GF", "WATER", null),
        ("GF.02", "供电", "GF", "POWER", null),
        ("GF.03", "燃气", "GF", "GAS", null),
        ("ZW", "政务服务", null, null, null),
        ("ZW.01", "办事咨询", "ZW", null, null),
        ("ZW.02", "不动产登记", "ZW", "BDC", null),
        ("ZW.03", "户籍与证件", "ZW", "GA", null),
        ("ZW.04", "税费", "ZW", "SW", null),
        ("SH", "社会事务", null, "MZ", null),
        ("SH.01", "低保与社会救助", "SH", "MZ", null),
        ("SH.02", "养老服务", "SH", "MZ", null),
        ("ZA", "公共安全", null, "GA", null),
        ("ZA.01", "治安管理", "ZA", "GA", null),
        ("ZR", "自然资源", null, "ZR", null),
        ("ZR.01", "土地与宅基地", "ZR", "ZR", null),
        ("ZR.02", "矿产开采", "ZR", "ZR", null),
        ("WL", "文化旅游", null, "WL", null),
        ("XC", "乡村治理（由属地乡镇办理）", null, null, null),
        ("XC.01", "村务与邻里纠纷", "XC", null, null),
    ];

    private static CategoryQuestionValue[] Values(params string[] pairs) =>
        [.. pairs.Select(p => p.Split('=')).Select(p => new CategoryQuestionValue(p[0], p[1]))];

    /// <summary>
    /// What some categories tell and ask a person reporting through another system (Open311): the lamp's pole number,
    /// the kind of water or power problem, the source of the noise, the shop's name.
    /// </summary>
    private static readonly Dictionary<string, (string Description, string Keywords, CategoryQuestion[] Questions)> Described = new()
    {
        ["CX.02"] = ("路灯不亮、井盖缺失或破损、道路和人行道破损、排水设施堵塞。", "路灯,路灯不亮,井盖,道路破损,人行道,排水,下水道",
        [
            new("FACILITY", "哪类设施出了问题？", CategoryQuestionType.SingleValueList, true, 1, Values("LAMP=路灯不亮", "COVER=井盖缺失或破损", "ROAD=道路或人行道破损", "DRAIN=排水设施堵塞", "OTHER=其他")),
            new("POLE_NO", "路灯杆号（灯杆上喷印的编号，如 LW-0231）", CategoryQuestionType.Line, false, 2),
            new("NOTICE", "井盖缺失等危及人身安全的情况，请直接拨打 12345 电话。", CategoryQuestionType.Text, false, 3, Variable: false),
        ]),
        ["CX.04"] = ("垃圾清运不及时、占道经营、乱堆乱放、公共厕所。", "垃圾,环卫,占道经营,乱堆乱放,公厕", []),
        ["JT.02"] = ("农村公路坑洼、塌方、桥涵损坏和养护不到位。", "坑洼,塌方,农村公路,桥梁,养护", []),
        ["SC.01"] = ("餐饮、食品销售中的食品安全问题：过期变质、无证经营的食品摊点、卫生条件差。", "食品安全,过期,变质,餐馆,小作坊",
        [
            new("SHOP_NAME", "经营者名称或店招", CategoryQuestionType.Line, true, 1),
            new("BOUGHT_AT", "购买或就餐的时间", CategoryQuestionType.Datetime, false, 2),
        ]),
        ["GF.01"] = ("停水、水压低、水质浑浊、管道漏水。", "停水,水压,水质,漏水,自来水",
        [
            new("WATER_ISSUE", "供水问题", CategoryQuestionType.SingleValueList, true, 1, Values("OUTAGE=停水", "PRESSURE=水压低", "QUALITY=水质浑浊或有异味", "LEAK=管道漏水")),
            new("ACCOUNT_NO", "自来水户号（水费单上的编号）", CategoryQuestionType.Line, false, 2),
        ]),
        ["GF.02"] = ("停电、电压不稳、线路和电杆隐患。", "停电,电压,电线,电杆,供电",
        [
            new("POWER_ISSUE", "供电问题（可多选）", CategoryQuestionType.MultiValueList, true, 1, Values("OUTAGE=停电", "VOLTAGE=电压不稳", "LINE=线路或电杆隐患", "METER=电表故障")),
            new("HOUSEHOLDS", "受影响的大约户数", CategoryQuestionType.Number, false, 2),
        ]),
        ["HJ.01"] = ("施工、娱乐场所、商铺、交通等噪声扰民。", "噪声,噪音,扰民,夜间施工,广场舞",
        [
            new("SOURCE", "噪声来源", CategoryQuestionType.SingleValueList, true, 1, Values("BUILD=建筑施工", "ENTERTAIN=娱乐场所", "SHOP=商铺促销", "TRAFFIC=交通", "OTHER=其他")),
            new("LAST_AT", "最近一次发生的时间", CategoryQuestionType.Datetime, false, 2),
        ]),
    };

    public static async Task SeedAsync(OneWindowDbContext db, UserManager<UserAccount> users, IReadOnlyDictionary<string, Department> departments, DateTime now, CancellationToken ct)
    {
        var units = departments.ToDictionary(d => d.Key, d => d.Value.Id);
        var sort = 0;
        foreach (var d in departments.Values.OrderBy(d => d.SortOrder))
        {
            db.Set<HotlineUnit>().Add(new HotlineUnit { DepartmentId = d.Id, Kind = HotlineUnitKind.Department, SortOrder = sort++ });
        }
        var n = 200;
        foreach (var u in ExtraUnits)
        {
            var department = new Department
            {
                Id = Guid.CreateVersion7(now), Name = u.Name, CreditCode = DemoCounty.DemoCreditCode(n++), RegionCode = DemoCounty.CountyCode, Phone = u.Phone, SortOrder = 140 + n,
            };
            db.Departments.Add(department);
            units[u.Key] = department.Id;
            db.Set<HotlineUnit>().Add(new HotlineUnit { DepartmentId = department.Id, Kind = u.Kind, SortOrder = sort++ });
        }
        var towns = await db.Regions.AsNoTracking().Where(r => r.ParentCode == DemoCounty.CountyCode).OrderBy(r => r.Code).ToListAsync(ct);
        // A town government already there (a town hall's own department, ADR 0035) is the town's unit too.
        var governments = await db.Departments.AsNoTracking().Where(d => d.RegionCode != DemoCounty.CountyCode).ToListAsync(ct);
        Department? seatTown = null;
        foreach (var town in towns)
        {
            var government = governments.FirstOrDefault(d => d.RegionCode == town.Code && d.Name == town.Name + "人民政府");
            if (government is null)
            {
                government = new Department
                {
                    Id = Guid.CreateVersion7(now), Name = town.Name + "人民政府", CreditCode = DemoCounty.DemoCreditCode(n++), RegionCode = town.Code, SortOrder = 300 + n,
                };
                db.Departments.Add(government);
            }
            seatTown ??= government;
            db.Set<HotlineUnit>().Add(new HotlineUnit { DepartmentId = government.Id, Kind = HotlineUnitKind.Town, SortOrder = sort++ });
        }
        var order = 0;
        foreach (var c in Categories)
        {
            var category = HotlineCategory.Create(c.Code, c.Name, c.Parent, c.Unit is null ? null : units[c.Unit], c.Days, order++);
            if (Described.TryGetValue(c.Code, out var d))
            {
                category.Describe(d.Description, d.Keywords, d.Questions);
            }
            db.Set<HotlineCategory>().Add(category);
        }
        await db.SaveChangesAsync(ct);

        if (seatTown is not null)
        {
            var user = new UserAccount { UserName = TownUserName, DisplayName = seatTown.Name + " 综治办 邓超", DepartmentId = seatTown.Id };
            var created = await users.CreateAsync(user, DemoCounty.DemoPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Demo user: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }
            await users.AddToRoleAsync(user, StaffRoles.Reviewer);
        }
    }
}
