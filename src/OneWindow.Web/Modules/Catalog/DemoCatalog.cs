using OneWindow.Domain;
using OneWindow.Domain.Catalog;
using static OneWindow.Domain.Catalog.ItemType;

namespace OneWindow.Web.Modules.Catalog;

/// <summary>
/// The demo county's catalog: the 32 items seed 002 lists for eight departments (named as today's catalogs name
/// them; the seed's own wording is kept as a keyword so a search for it still finds the item), and the items
/// seeds 000, 003 and 004 name (企业登记, 税务, 社保, 不动产, 五证合一). Legal bases cite the statutes in force;
/// limits, fees and materials are realistic defaults for a county, not any county's official 实施清单.
/// </summary>
public static class DemoCatalog
{
    /// <summary>
    /// One item in compact form. Materials: "name", or "name|copy" (复印件), "name|both" (原件及复印件),
    /// "name|?condition" (a conditional material), "name|agency" (issued by another agency, shared), "name|defer"
    /// (a minor material that may be handed in after acceptance on a written commitment, 容缺受理); a trailing
    /// "@shared name" is the name a combined item asks for it under (<see cref="Material.SharedAs"/>).
    /// </summary>
    public sealed record Seed(
        string Code, string Dept, string Name, ItemType Type, bool Enterprise, bool Person,
        int Statutory, int Promised, string Basis, string Result, string[] Materials,
        string[]? Keywords = null, string[]? Themes = null, Fee[]? Fees = null, SpecialProcedure[]? Procedures = null,
        string[]? Conditions = null, HallVisits Visits = HallVisits.AtMostOnce, OnlineDepth Depth = OnlineDepth.OnlinePreReview,
        ResultType ResultKind = ResultType.Certificate, string? LimitNote = null, int? ValidityMonths = null, string? ScopeLabel = null);

    private static readonly SpecialProcedure SiteInspection = new() { Name = "现场勘查", ExpectedWorkingDays = 3, LegalBasis = "《中华人民共和国行政许可法》第三十四条第三款", CountsTowardLimit = false };
    private static readonly SpecialProcedure ExpertReview = new() { Name = "专家评审", ExpectedWorkingDays = 10, LegalBasis = "《中华人民共和国行政许可法》第四十五条", CountsTowardLimit = false };
    private static readonly SpecialProcedure PublicNotice = new() { Name = "公示", ExpectedWorkingDays = 7, LegalBasis = "《中华人民共和国行政许可法》第四十五条", CountsTowardLimit = false };

    private const string IdCard = "申请人身份证|both";
    // 开办企业 asks once for the identity papers of the shareholders, the legal representative and the agent.
    private const string FounderIds = "@股东、法定代表人及经办人身份证明";
    private const string Agent = "授权委托书及受托人身份证|?委托他人办理的";
    private const string License = "营业执照|agency";

    public static readonly IReadOnlyList<Seed> Items =
    [
        // 民政局 (seed 002: 社团审批, 民办非企业单位审批, 福利机构审批)
        new("431025-MZ-001", "MZ", "社会团体成立登记", AdministrativeLicense, true, false, 60, 20,
            "《社会团体登记管理条例》第九条、第十一条、第十二条", "社会团体法人登记证书",
            ["社会团体法人登记申请书", "业务主管单位批准文件|agency", "验资报告或资金来源证明", "住所使用权证明|copy", "章程草案", "拟任负责人基本情况及身份证明|copy", "发起人和会员名单"],
            Keywords: ["社团审批", "社会组织"], Themes: ["社会组织"], Procedures: [SiteInspection]),
        new("431025-MZ-002", "MZ", "民办非企业单位（社会服务机构）成立登记", AdministrativeLicense, true, false, 60, 20,
            "《民办非企业单位登记管理暂行条例》第八条、第九条、第十一条", "民办非企业单位（法人）登记证书",
            ["成立登记申请书", "业务主管单位批准文件|agency", "场所使用权证明|copy", "验资报告", "拟任负责人基本情况及身份证明|copy", "章程草案"],
            Keywords: ["民办非企业单位审批", "社会服务机构"], Themes: ["社会组织"]),
        new("431025-MZ-003", "MZ", "养老机构备案", OtherAdministrativePower, true, false, 0, 0,
            "《中华人民共和国老年人权益保障法》第四十三条；《养老机构管理办法》第九条", "养老机构备案回执",
            ["养老机构备案书", "养老机构备案承诺书", "登记证书或营业执照|agency", "服务场所消防安全证明材料|copy"],
            Keywords: ["福利机构审批", "养老院"], Themes: ["养老服务"], Visits: HallVisits.Zero, Depth: OnlineDepth.FullyOnline, ResultKind: ResultType.Record),
        new("431025-MZ-004", "MZ", "内地居民结婚登记", AdministrativeConfirmation, false, true, 0, 0,
            "《婚姻登记条例》第四条、第五条、第七条", "结婚证",
            ["本人有效居民身份证|both", "本人户口簿|both", "本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明", "近期半身免冠合影照片 2 张"],
            Keywords: ["婚姻登记", "结婚"], Themes: ["婚育"], Conditions: ["男女双方亲自到婚姻登记机关共同申请", "男年满二十二周岁，女年满二十周岁"]),

        // 统计局 (seed 002: 统计调查登记证办理、变更、年审、缴销, 统计违法案件的处理)
        // A town-own matter (seed 001: 民政 decided in the town): the town government decides a small temporary
        // assistance by the county 民政局's delegation; a town hall with its own department decides it there (ADR 0035).
        new("431025-MZ-005", "MZ", "临时救助申请（小额）", AdministrativeBenefit, false, true, 10, 5,
            "《社会救助暂行办法》第四十八条、第四十九条；《国务院关于全面建立临时救助制度的通知》（国发〔2014〕47号）", "临时救助审批决定书",
            ["临时救助申请书", "申请人居民身份证或户口簿|copy", "家庭经济状况及遭遇困难情况说明"],
            Keywords: ["临时救助", "社会救助", "困难救助"], Themes: ["社会保障"], ResultKind: ResultType.ApprovalDocument),
        new("431025-TJ-001", "TJ", "部门统计调查项目审批", AdministrativeLicense, true, false, 20, 10,
            "《中华人民共和国统计法》第十二条、第十三条；《部门统计调查项目管理办法》第十四条", "部门统计调查项目批准文件",
            ["部门统计调查项目申请公函", "统计调查制度（含调查表式）", "统计调查项目论证材料", "调查经费来源说明"],
            Keywords: ["统计调查登记证办理"], Themes: ["统计"], ResultKind: ResultType.ApprovalDocument),
        new("431025-TJ-002", "TJ", "部门统计调查项目变更审批", AdministrativeLicense, true, false, 20, 10,
            "《中华人民共和国统计法》第十二条；《部门统计调查项目管理办法》第二十条", "部门统计调查项目变更批准文件",
            ["变更申请公函", "原批准文件|copy", "变更后的统计调查制度"],
            Keywords: ["统计调查登记证变更"], Themes: ["统计"], ResultKind: ResultType.ApprovalDocument),
        new("431025-TJ-003", "TJ", "统计调查项目执行情况年度报告", OtherAdministrativePower, true, false, 10, 5,
            "《部门统计调查项目管理办法》第二十五条", "年度报告受理回执",
            ["统计调查项目执行情况报告", "调查数据质量评估报告"],
            Keywords: ["统计调查登记证年审"], Themes: ["统计"], Visits: HallVisits.Zero, Depth: OnlineDepth.FullyOnline, ResultKind: ResultType.Record),
        new("431025-TJ-004", "TJ", "统计调查项目终止备案", OtherAdministrativePower, true, false, 0, 0,
            "《部门统计调查项目管理办法》第二十二条", "终止备案回执",
            ["终止备案申请", "原批准文件|copy"],
            Keywords: ["统计调查登记证的缴销"], Themes: ["统计"], Visits: HallVisits.Zero, Depth: OnlineDepth.FullyOnline, ResultKind: ResultType.Record),
        new("431025-TJ-005", "TJ", "统计违法行为的行政处罚", OtherAdministrativePower, true, true, 90, 60,
            "《中华人民共和国统计法》第三十七条至第四十三条；《中华人民共和国行政处罚法》第六十条", "行政处罚决定书",
            ["立案审批表", "调查取证材料", "陈述申辩材料|?当事人提出陈述申辩的"],
            Keywords: ["统计违法案件的处理"], Themes: ["统计"], Depth: OnlineDepth.InformationOnly, ResultKind: ResultType.ApprovalDocument),

        // 住房和城乡建设局 (seed 002 建管局: 施工许可证的初审, 城市树木变动及占用绿地审批)
        new("431025-ZJ-001", "ZJ", "建筑工程施工许可证核发", AdministrativeLicense, true, false, 7, 3,
            "《中华人民共和国建筑法》第七条、第八条；《建筑工程施工许可管理办法》第四条", "建筑工程施工许可证",
            ["建筑工程施工许可证申请表", "建设工程规划许可证|agency", "中标通知书或直接发包批准文件|copy", "施工图设计文件审查合格书|copy", "建设资金已经落实承诺书", "质量安全监督手续"],
            Keywords: ["施工许可证的初审", "施工许可"], Themes: ["工程建设"]),
        new("431025-ZJ-002", "ZJ", "改变绿化规划、绿化用地的使用性质审批及砍伐、迁移城市树木审批", AdministrativeLicense, true, true, 20, 10,
            "《城市绿化条例》第十九条、第二十条、第二十四条", "城市绿化行政许可决定书",
            ["申请书", "占用或砍伐位置图", "树木品种、数量、规格清单", "补植或补偿方案"],
            Keywords: ["城市树木变动及占用绿地审批", "砍树"], Themes: ["城市管理"], Procedures: [SiteInspection], ResultKind: ResultType.ApprovalDocument),

        // 自然资源局 (seed 002 规划分局: 6 items)
        new("431025-ZR-001", "ZR", "乡村建设规划许可证核发", AdministrativeLicense, true, true, 20, 10,
            "《中华人民共和国城乡规划法》第四十一条", "乡村建设规划许可证",
            ["乡村建设规划许可申请表", IdCard, "村民委员会意见", "建设工程设计方案或农房通用图", "宅基地批准文件|agency"],
            Keywords: ["申请村镇建设工程选址意见书的受理", "农村建房"], Themes: ["农村建房", "工程建设"], Procedures: [SiteInspection]),
        new("431025-ZR-002", "ZR", "建设用地规划许可证核发", AdministrativeLicense, true, false, 20, 10,
            "《中华人民共和国城乡规划法》第三十七条、第三十八条", "建设用地规划许可证",
            ["建设用地规划许可申请表", "建设项目批准、核准或备案文件|agency", "国有土地使用权出让合同|copy", "建设项目用地红线图"],
            Keywords: ["申办村镇建设用地规划许可证的受理"], Themes: ["工程建设", "项目投资"]),
        new("431025-ZR-003", "ZR", "建设工程规划许可证核发", AdministrativeLicense, true, false, 20, 10,
            "《中华人民共和国城乡规划法》第四十条", "建设工程规划许可证",
            ["建设工程规划许可申请表", "使用土地的有关证明文件|agency", "建设工程设计方案总平面图及效果图", "经审定的修建性详细规划|?城市重要地段的项目"],
            Keywords: ["申办建设工程规划许可证的受理"], Themes: ["工程建设"], Procedures: [PublicNotice]),
        new("431025-ZR-004", "ZR", "城镇既有房屋翻建、改建规划许可", AdministrativeLicense, false, true, 20, 10,
            "《中华人民共和国城乡规划法》第四十条；《湖南省实施〈中华人民共和国城乡规划法〉办法》第三十二条", "建设工程规划许可证",
            ["申请表", IdCard, "不动产权证书|agency", "翻建、改建设计图纸", "相邻权利人意见"],
            Keywords: ["申办房屋翻修许可证的受理"], Themes: ["工程建设"], Procedures: [SiteInspection]),
        new("431025-ZR-005", "ZR", "建设工程规划条件核实（规划验收）", AdministrativeConfirmation, true, false, 15, 7,
            "《中华人民共和国城乡规划法》第四十五条", "建设工程规划核实合格证",
            ["规划条件核实申请表", "建设工程规划许可证|agency", "竣工测量成果报告", "竣工总平面图"],
            Keywords: ["申请建设工程规划验收的受理"], Themes: ["工程建设"], Procedures: [SiteInspection]),
        new("431025-ZR-006", "ZR", "临时建设规划许可", AdministrativeLicense, true, true, 20, 10,
            "《中华人民共和国城乡规划法》第四十四条", "临时建设工程规划许可证",
            ["临时建设申请表", "土地权属证明|agency", "临时建设设计方案", "到期自行拆除承诺书"],
            Keywords: ["临时建设"], Themes: ["工程建设"]),

        // 交通运输局 (seed 002: 道路运输证开、停业受理, 汽车维修企业的开、停业受理)
        new("431025-JT-001", "JT", "道路货物运输经营许可", AdministrativeLicense, true, true, 20, 5,
            "《中华人民共和国道路运输条例》第二十四条、第二十五条", "道路运输经营许可证",
            ["道路货物运输经营申请表", "负责人身份证明|copy", "车辆行驶证|copy", "驾驶人员从业资格证|copy", "安全生产管理制度文本"],
            Keywords: ["道路运输证开、停业受理", "货运"], Themes: ["交通运输", "开办企业"]),
        new("431025-JT-002", "JT", "机动车维修经营备案", OtherAdministrativePower, true, true, 0, 0,
            "《中华人民共和国道路运输条例》第四十条；《机动车维修管理规定》第十三条", "机动车维修经营备案回执",
            ["机动车维修经营备案表", License, "维修设备设施清单", "技术人员从业资格证明|copy", "维修管理制度文本"],
            Keywords: ["汽车维修企业的开、停业受理", "修车"], Themes: ["交通运输", "开办企业"], ResultKind: ResultType.Record),

        // 卫生健康局 (seed 002 计生局: 流动人口婚育证明 等)
        new("431025-WJ-001", "WJ", "生育登记", PublicService, false, true, 0, 0,
            "《中华人民共和国人口与计划生育法》第十八条；《湖南省人口与计划生育条例》第十八条", "生育登记服务单",
            ["夫妻双方居民身份证|copy", "结婚证|copy"],
            Keywords: ["为流动人口办理流动人口婚育证明", "婚育证明"], Themes: ["婚育"], Visits: HallVisits.Zero, Depth: OnlineDepth.FullyOnline, ResultKind: ResultType.Record),
        new("431025-WJ-002", "WJ", "孕产妇保健服务登记（母子健康手册发放）", PublicService, false, true, 0, 0,
            "《中华人民共和国母婴保健法》第十四条", "母子健康手册",
            ["孕妇居民身份证|copy", "生育登记服务单|?已办理生育登记的"],
            Keywords: ["为流动人口中的已婚育龄妇女审验孕检证明", "孕检"], Themes: ["婚育"]),
        new("431025-WJ-003", "WJ", "公共场所卫生许可", AdministrativeLicense, true, true, 20, 5,
            "《公共场所卫生管理条例》第八条；《公共场所卫生管理条例实施细则》第二十二条", "公共场所卫生许可证",
            ["公共场所卫生许可申请表", License, "公共场所地址方位示意图、平面图", "卫生检测报告", "卫生管理制度"],
            Keywords: ["为流动人口中的个体营业户审验流动人口婚育证明", "卫生许可", "理发", "宾馆"], Themes: ["开办企业"], Procedures: [SiteInspection]),

        // 城市管理和综合执法局 (seed 002 市容环卫局: 6 items)
        new("431025-CG-001", "CG", "城市建筑垃圾处置核准", AdministrativeLicense, true, false, 20, 5,
            "《国务院对确需保留的行政审批项目设定行政许可的决定》第101项；《城市建筑垃圾管理规定》第七条", "城市建筑垃圾处置核准证",
            ["建筑垃圾处置申请表", "建筑垃圾运输车辆行驶证|copy", "运输单位与受纳场所的协议", "建筑垃圾处置方案"],
            Keywords: ["垃圾准运证", "渣土"], Themes: ["城市管理", "工程建设"]),
        new("431025-CG-002", "CG", "临时占用城市道路审批", AdministrativeLicense, true, true, 20, 3,
            "《城市道路管理条例》第三十一条", "临时占用城市道路许可决定书",
            ["临时占用城市道路申请表", IdCard, "占道位置平面图", "安全保障措施方案", Agent],
            Keywords: ["市容临时占道、施工占道审批", "占道"], Themes: ["城市管理"], ResultKind: ResultType.ApprovalDocument,
            Fees: [new Fee { Name = "城市道路占用费", StandardText = "按占用面积和期限计收，见湖南省物价局核定标准", Basis = "《城市道路管理条例》第三十七条" }]),
        new("431025-CG-003", "CG", "设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品审批", AdministrativeLicense, true, true, 20, 5,
            "《城市市容和环境卫生管理条例》第十一条", "户外广告设置许可决定书",
            ["设置申请表", "设置位置图及效果图", "场地使用权证明|copy", "结构安全性说明|?大型户外广告"],
            Keywords: ["非固定大型户外广告、标语、条幅及设点宣传展销审批", "广告"], Themes: ["城市管理"], ResultKind: ResultType.ApprovalDocument),
        new("431025-CG-004", "CG", "工程建设涉及城市绿地、树木审批", AdministrativeLicense, true, false, 20, 7,
            "《城市绿化条例》第十九条", "行政许可决定书",
            ["申请书", "工程设计图", "绿地占用恢复方案"],
            Keywords: ["搭建非永久性建筑物构筑物和其它立面装修审核、会签"], Themes: ["城市管理", "工程建设"], Procedures: [SiteInspection], ResultKind: ResultType.ApprovalDocument),
        new("431025-CG-005", "CG", "城市景观照明（夜景灯饰）设置审核", OtherAdministrativePower, true, false, 15, 5,
            "《城市照明管理规定》第九条", "审核意见书",
            ["设置申请", "照明设计方案", "用电安全说明"],
            Keywords: ["夜景灯饰"], Themes: ["城市管理"], ResultKind: ResultType.ApprovalDocument),
        new("431025-CG-006", "CG", "城市规划区内饲养家禽家畜管理登记", OtherAdministrativePower, false, true, 5, 2,
            "《城市市容和环境卫生管理条例》第二十五条；《湖南省城市市容和环境卫生管理办法》", "饲养登记回执",
            ["登记申请表", IdCard, "饲养场所说明"],
            Keywords: ["饲养家禽、家畜"], Themes: ["城市管理"], ResultKind: ResultType.Record),

        // 文化旅游广电体育局 (seed 002 文体局: 5 items)
        new("431025-WL-001", "WL", "出版物零售单位设立审批", AdministrativeLicense, true, true, 20, 5,
            "《出版管理条例》第三十七条；《出版物市场管理规定》第十条", "出版物经营许可证",
            ["出版物零售申请书", License, "经营场所使用权证明|copy", "负责人身份证明|copy"],
            Keywords: ["图书、报刊出租、零售", "书店"], Themes: ["开办企业"]),
        new("431025-WL-002", "WL", "从事包装装潢印刷品和其他印刷品印刷经营活动企业的设立审批", AdministrativeLicense, true, false, 60, 15,
            "《印刷业管理条例》第十一条", "印刷经营许可证",
            ["设立申请书", License, "经营场所使用权证明|copy", "印刷设备清单", "负责人身份证明|copy"],
            Keywords: ["印刷", "打字、复印、名片制作"], Themes: ["开办企业"], Procedures: [SiteInspection]),
        new("431025-WL-003", "WL", "专营数字复印、打印、名片制作等简单印刷经营备案", OtherAdministrativePower, true, true, 0, 0,
            "《印刷业管理条例》第十二条", "备案回执",
            ["备案登记表", License],
            Keywords: ["打字、复印、名片制作", "复印店"], Themes: ["开办企业"], Visits: HallVisits.Zero, Depth: OnlineDepth.FullyOnline, ResultKind: ResultType.Record),
        new("431025-WL-004", "WL", "娱乐场所从事娱乐场所经营活动审批", AdministrativeLicense, true, true, 20, 10,
            "《娱乐场所管理条例》第九条", "娱乐经营许可证",
            ["娱乐场所经营申请书", License, "投资人、法定代表人身份证明|copy", "场所平面图", "消防安全检查合格证明|agency"],
            Keywords: ["初审", "KTV", "歌舞厅"], Themes: ["开办企业"], Procedures: [SiteInspection, PublicNotice]),
        new("431025-WL-005", "WL", "音像制品零售单位设立审批", AdministrativeLicense, true, true, 30, 10,
            "《音像制品管理条例》第三十条", "出版物经营许可证",
            ["申请书", License, "经营场所使用权证明|copy"],
            Keywords: ["音像制品初审"], Themes: ["开办企业"]),

        // 市场监督管理局 (seeds 000, 003, 004: 工商登记, 证照联办, 五证合一)
        // The founder applies (a person: the enterprise does not exist yet); the name is what the form registers.
        new("431025-SJ-001", "SJ", "企业设立登记", AdministrativeLicense, true, true, 15, 1,
            "《中华人民共和国市场主体登记管理条例》第十九条；《中华人民共和国公司法》第二十九条", "营业执照",
            ["公司登记（备案）申请书", "公司章程", "股东主体资格证明或自然人身份证明|copy" + FounderIds, "法定代表人、董事、监事、经理任职文件", "住所使用相关文件|copy", Agent],
            Keywords: ["营业执照", "工商登记", "开公司", "五证合一"], Themes: ["开办企业"], Visits: HallVisits.Zero, Depth: OnlineDepth.FullyOnline,
            Conditions: ["名称符合《企业名称登记管理规定》", "申请材料齐全、符合法定形式"]),
        new("431025-SJ-002", "SJ", "个体工商户登记", AdministrativeLicense, false, true, 15, 0,
            "《中华人民共和国市场主体登记管理条例》第十九条；《促进个体工商户发展条例》", "营业执照",
            ["个体工商户登记（备案）申请书", "经营者身份证明|copy", "经营场所使用相关文件|copy"],
            Keywords: ["个体户", "营业执照"], Themes: ["开办企业"], Visits: HallVisits.Zero, Depth: OnlineDepth.FullyOnline),
        new("431025-SJ-003", "SJ", "食品经营许可", AdministrativeLicense, true, true, 20, 5,
            "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》第十四条", "食品经营许可证",
            ["食品经营许可申请书", License, "与食品经营相适应的主要设备设施布局、操作流程等文件", "食品安全自查、从业人员健康管理等制度|defer"],
            Keywords: ["餐饮", "饭店", "小卖部"], Themes: ["开办企业"], Procedures: [SiteInspection],
            // A food business licence is valid for five years (《食品经营许可和备案管理办法》) and names its business items (经营项目).
            ValidityMonths: 60, ScopeLabel: "经营项目"),

        // 税务局, 人社局, 公安局 (the rest of 五证合一 / 开办企业)
        new("431025-SW-001", "SW", "新办纳税人涉税事项联办（信息确认、发票领用）", AdministrativeConfirmation, true, true, 1, 0,
            "《中华人民共和国税收征收管理法》第十五条、第二十一条；《中华人民共和国发票管理办法》第十五条", "电子发票开具资格及税务登记信息确认",
            ["营业执照|agency", "经办人身份证件|copy" + FounderIds, "财务负责人及办税人员信息表"],
            Keywords: ["税务登记", "发票", "五证合一"], Themes: ["开办企业"], Visits: HallVisits.Zero, Depth: OnlineDepth.FullyOnline, ResultKind: ResultType.Record),
        new("431025-RS-001", "RS", "单位参加社会保险登记", PublicService, true, false, 15, 0,
            "《中华人民共和国社会保险法》第五十七条；《社会保险费征缴暂行条例》第七条", "社会保险登记信息确认",
            ["营业执照|agency", "单位社会保险登记表", "经办人身份证件|copy" + FounderIds],
            Keywords: ["社保登记", "社会养老保险登记证", "五证合一"], Themes: ["开办企业", "社会保障"], Visits: HallVisits.Zero, Depth: OnlineDepth.FullyOnline, ResultKind: ResultType.Record),
        new("431025-RS-002", "RS", "城乡居民基本养老保险参保登记", PublicService, false, true, 0, 0,
            "《中华人民共和国社会保险法》第二十条；《国务院关于建立统一的城乡居民基本养老保险制度的意见》", "参保登记确认",
            ["居民身份证或户口簿|copy"],
            Keywords: ["养老保险", "参保"], Themes: ["社会保障"], Visits: HallVisits.Zero, Depth: OnlineDepth.FullyOnline, ResultKind: ResultType.Record),
        new("431025-GA-001", "GA", "公章刻制备案", OtherAdministrativePower, true, false, 1, 0,
            "《国务院对确需保留的行政审批项目设定行政许可的决定》第37项；《印铸刻字业暨印章治安管理办法》", "印章备案信息",
            ["营业执照|agency", "法定代表人身份证|copy" + FounderIds, "印章刻制申请表"],
            Keywords: ["刻章", "印章"], Themes: ["开办企业"], Visits: HallVisits.Zero, Depth: OnlineDepth.FullyOnline, ResultKind: ResultType.Record),
        new("431025-GA-002", "GA", "户口迁移（迁入）", AdministrativeConfirmation, false, true, 10, 3,
            "《中华人民共和国户口登记条例》第十条、第十三条", "户口簿（迁入后）",
            ["居民户口簿|both", "居民身份证|both", "合法稳定住所证明|copy", "结婚证|?投靠配偶的"],
            Keywords: ["落户", "户籍"], Themes: ["户籍"]),
        new("431025-GA-003", "GA", "居民身份证申领、换领、补领", AdministrativeConfirmation, false, true, 40, 15,
            "《中华人民共和国居民身份证法》第八条、第十条、第十一条", "中华人民共和国居民身份证",
            ["居民户口簿|both", "原居民身份证|?换领的", "临时居民身份证|?已领取临时居民身份证的"],
            Keywords: ["身份证", "办身份证", "身份证过期", "身份证丢了"], Themes: ["户籍"],
            Conditions: ["本人到户籍所在地公安机关申领，现场采集人像和指纹信息", "未满十六周岁的，由监护人代为申请"],
            Fees: [new Fee { Name = "居民身份证工本费", Amount = 20m, Basis = "《国家发展改革委 财政部关于第二代居民身份证工本费标准及有关问题的通知》（发改价格〔2003〕2322号）" }],
            LimitNote: "《中华人民共和国居民身份证法》第十条：自受理之日起六十日内发放，按工作日计为 40 个工作日"),

        // 不动产登记中心 (seed 000: 房地产税费一体化 一站式)
        new("431025-BDC-001", "BDC", "国有建设用地使用权及房屋所有权转移登记", AdministrativeConfirmation, true, true, 30, 5,
            "《中华人民共和国民法典》第二百零九条；《不动产登记暂行条例》第十四条、第二十条", "不动产权证书",
            ["不动产登记申请书", "申请人身份证明|copy", "不动产权证书|both", "房屋买卖合同", "完税凭证|agency"],
            Keywords: ["过户", "二手房", "房产证"], Themes: ["不动产"], Procedures: [PublicNotice],
            Fees: [new Fee { Name = "不动产登记费（住宅）", Amount = 80m, Basis = "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）" },
                   new Fee { Name = "证书工本费（第二本起）", Amount = 10m, Basis = "发改价格规〔2016〕2559号" }]),
    ];

    public sealed record CombinedSeed(string Code, string Name, string Description, string Lead, int Promised, string[] Members, string[] Themes);

    public static readonly IReadOnlyList<CombinedSeed> Combined =
    [
        new("431025-YJS-001", "开办企业一件事",
            "企业设立登记（领取营业执照）、公章刻制、涉税事项（发票申领）和社会保险登记一次申请、一表填报、并联办理、一次领取。",
            "SJ", 1, ["431025-SJ-001", "431025-GA-001", "431025-SW-001", "431025-RS-001"], ["开办企业"]),
        // What a small restaurant needs: its business licence, the food business licence and invoices. Not the
        // hygiene permit (restaurants left 公共场所卫生许可 with 国发〔2016〕12号), not the approval of a large outdoor
        // advertisement (a shop sign is not one), not the fire safety check before opening a 公众聚集场所 (a large venue's).
        new("431025-YJS-002", "开办餐饮店一件事",
            "开小饭店、小吃店：个体工商户登记（领取营业执照）、食品经营许可和新办纳税人涉税事项（发票申领）一次申请、并联审批、一次办结。",
            "SJ", 5, ["431025-SJ-002", "431025-SJ-003", "431025-SW-001"], ["开办企业"]),
    ];

    /// <summary>
    /// The demo's search synonyms: what citizens type, and the words of the demo catalog's items (or packages) a
    /// search for it also looks for. Each points at items the demo county publishes.
    /// </summary>
    public static readonly IReadOnlyList<(string Term, string[] Words)> Synonyms =
    [
        ("开饭店", ["食品经营许可", "开办餐饮店"]),
        ("开餐馆", ["食品经营许可", "开办餐饮店"]),
        ("开餐厅", ["食品经营许可", "开办餐饮店"]),
        ("开小吃店", ["食品经营许可", "开办餐饮店"]),
        ("开店卖吃的", ["食品经营许可", "开办餐饮店"]),
        ("卖早餐", ["食品经营许可"]),
        ("开超市", ["食品经营许可", "个体工商户登记"]),
        ("开店", ["个体工商户登记", "营业执照"]),
        ("身份证", ["居民身份证"]),
        ("办证件", ["居民身份证"]),
        ("营业执照", ["设立登记", "个体工商户登记"]),
        ("注册公司", ["企业设立登记", "开办企业"]),
        ("办公司", ["企业设立登记", "开办企业"]),
        ("结婚", ["结婚登记"]),
        ("领证", ["结婚登记"]),
        ("生孩子", ["生育登记", "母子健康手册"]),
        ("生小孩", ["生育登记", "母子健康手册"]),
        ("怀孕", ["母子健康手册", "生育登记"]),
        ("准生证", ["生育登记"]),
        ("退休", ["养老保险"]),
        ("养老金", ["养老保险"]),
        ("社保", ["社会保险", "养老保险"]),
        ("买房", ["转移登记", "不动产"]),
        ("卖房", ["转移登记", "不动产"]),
        ("盖房子", ["乡村建设规划许可", "翻建"]),
        ("建房子", ["乡村建设规划许可", "翻建"]),
        ("迁户口", ["户口迁移"]),
        ("上户口", ["户口迁移"]),
        ("刻公章", ["公章刻制"]),
        ("领发票", ["发票"]),
        ("开发票", ["发票"]),
        ("理发店", ["公共场所卫生许可"]),
        ("美容院", ["公共场所卫生许可"]),
        ("开宾馆", ["公共场所卫生许可"]),
        ("开书店", ["出版物零售"]),
        ("开打印店", ["简单印刷经营备案"]),
        ("摆摊", ["临时占用城市道路"]),
        ("招牌", ["户外广告"]),
        ("广告牌", ["户外广告"]),
        ("开养老院", ["养老机构备案"]),
        ("修车", ["机动车维修经营备案"]),
        ("跑货运", ["道路货物运输经营许可"]),
    ];

    /// <summary>
    /// The materials a demo item or package requires before acceptance (the domain's rule on its guides): what a
    /// clerk ticks for a complete application. The tests, the browser journeys and the bench hand these in.
    /// </summary>
    public static IReadOnlyList<string> RequiredMaterials(string code) =>
        Domain.Cases.CaseTemplate.RequiredOfApplication([.. (Combined.FirstOrDefault(c => c.Code == code)?.Members ?? [code])
            .Select(m => DemoGuideBuilder.Build(Items.Single(i => i.Code == m), Guid.Empty, "", "", ""))]);
}

/// <summary>Turns a compact seed into a complete guide.</summary>
public static class DemoGuideBuilder
{
    public static ServiceGuide Build(DemoCatalog.Seed s, Guid departmentId, string departmentName, string departmentPhone, string windows)
    {
        var instant = s.Promised == 0;
        var applicants = (s.Person ? ApplicantTypes.Person : ApplicantTypes.None) | (s.Enterprise ? ApplicantTypes.Enterprise : ApplicantTypes.None);
        var fullyOnline = s.Depth == OnlineDepth.FullyOnline;
        return new ServiceGuide
        {
            Name = s.Name,
            ItemType = s.Type,
            LegalBasis = s.Basis,
            DepartmentId = departmentId,
            ApplicantTypes = applicants,
            LimitKind = instant ? LimitKind.Instant : LimitKind.Promised,
            StatutoryLimitDays = s.Statutory,
            PromisedLimitDays = s.Promised,
            StatutoryLimitNote = s.LimitNote ?? (s.Statutory == 0 ? "即时办结" : $"自受理之日起 {s.Statutory} 个工作日"),
            Materials = [.. s.Materials.Select(m => ParseMaterial(m, fullyOnline))],
            Form = DemoApplicationForms.For(s.Code),
            AcceptanceConditions = s.Conditions ?? ["属于本机关职权范围", "申请材料齐全、符合法定形式"],
            ProcessNodes = Nodes(s.Promised),
            SpecialProcedures = s.Procedures ?? [],
            Fees = s.Fees ?? [],
            HandlingVenue = "临武县政务服务中心",
            HandlingAddress = Organization.DemoCounty.CenterAddress,
            Windows = windows,
            OfficeHours = Organization.DemoCounty.CenterHours,
            ConsultationPhone = departmentPhone,
            SupervisionPhone = Organization.DemoCounty.SupervisionPhone + "（县政务服务中心电子监察室），12345",
            HallVisits = s.Visits,
            OnlineDepth = s.Depth,
            ResultName = s.Result,
            ResultType = s.ResultKind,
            ResultValidityMonths = s.ValidityMonths,
            ResultScopeLabel = s.ScopeLabel,
            DeliveryMethods = DeliveryMethods.WindowPickup | DeliveryMethods.Mail | (fullyOnline ? DeliveryMethods.Electronic : DeliveryMethods.None),
            Faqs =
            [
                new Faq
                {
                    Question = "需要本人到窗口办理吗？",
                    Answer = s.Visits switch
                    {
                        HallVisits.Zero => "不需要。可通过网上办事大厅全程网办，结果可邮寄或电子送达（零跑腿）。",
                        HallVisits.AtMostOnce => "最多跑一次：可先网上预审，材料齐全后到窗口一次办结；也可委托他人办理。",
                        _ => "需到窗口提交申请并领取结果。",
                    },
                },
                new Faq
                {
                    Question = "材料不齐怎么办？",
                    Answer = "窗口当场或者在五个工作日内一次性告知需要补正的全部内容（《中华人民共和国行政许可法》第三十二条）；补齐后即予受理。",
                },
                new Faq
                {
                    Question = "多久能办好？",
                    Answer = instant
                        ? "即办件：材料齐全、符合法定形式的，当场办结。"
                        : $"承诺 {s.Promised} 个工作日内办结（法定时限 {s.Statutory} 个工作日），自受理次日起算，法定节假日不计；{(s.Procedures is { Length: > 0 } ? "现场勘查、公示等特殊环节所需时间不计入办理时限。" : "")}",
                },
                new Faq { Question = "对办理结果或服务有意见向谁反映？", Answer = $"可拨打{departmentName}咨询电话 {departmentPhone}，或监督电话 {Organization.DemoCounty.SupervisionPhone}、12345 政务服务便民热线，也可在网上进行“好差评”。" },
            ],
            Keywords = s.Keywords ?? [],
            Themes = s.Themes ?? [],
        };
    }

    /// <summary>
    /// One material of the compact form. An item done wholly online asks for no paper original: what the applicant
    /// writes is an electronic material (filled in and signed online), and the rest are scanned copies.
    /// </summary>
    private static Material ParseMaterial(string text, bool fullyOnline)
    {
        var shared = text.Split('@');
        return shared.Length > 1 ? ParseMaterial(shared[0], fullyOnline) with { SharedAs = shared[1] } : ParseOwnMaterial(text, fullyOnline);
    }

    private static Material ParseOwnMaterial(string text, bool fullyOnline)
    {
        var parts = text.Split('|');
        var name = parts[0];
        var flag = parts.Length > 1 ? parts[1] : "";
        var original = fullyOnline ? MaterialForm.Electronic : MaterialForm.Original;
        var material = flag switch
        {
            "copy" => new Material { Name = name, Form = MaterialForm.Copy },
            "both" => new Material { Name = name, Form = fullyOnline ? MaterialForm.Copy : MaterialForm.OriginalAndCopy },
            "agency" => new Material { Name = name, Form = MaterialForm.Electronic, Source = MaterialSource.OtherAgency, SourceDescription = "通过共享平台获取，申请人无需提供" },
            "defer" => new Material { Name = name, Form = original, Deferrable = true },
            _ when flag.StartsWith('?') => new Material { Name = name, Form = original, Requirement = MaterialRequirement.Conditional, Condition = flag[1..] },
            _ => new Material { Name = name, Form = original },
        };
        return DemoForms.Describe(name) is { } form
            ? material with { TemplateFile = form.Title + "（空白表格）", SampleFile = form.Title + "（示范文本）" }
            : material;
    }

    private static ProcessNode[] Nodes(int promised) => promised switch
    {
        0 =>
        [
            new() { Name = "受理", ActingRole = StaffRoles.WindowClerk, Description = "窗口核验材料，符合条件的当场受理" },
            new() { Name = "审核办结", ActingRole = StaffRoles.WindowClerk, Description = "窗口人员按授权当场审核、办结并出具结果" },
        ],
        1 =>
        [
            new() { Name = "受理", ActingRole = StaffRoles.WindowClerk },
            new() { Name = "审批决定", ActingRole = StaffRoles.Approver, LimitWorkingDays = 1 },
            new() { Name = "制证送达", ActingRole = StaffRoles.WindowClerk },
        ],
        _ =>
        [
            new() { Name = "受理", ActingRole = StaffRoles.WindowClerk, Description = "窗口核验材料，出具受理通知书或一次性告知书" },
            new() { Name = "审查", ActingRole = StaffRoles.Reviewer, LimitWorkingDays = promised / 2, Description = "承办人审查材料，提出审查意见" },
            new() { Name = "审批决定", ActingRole = StaffRoles.Approver, LimitWorkingDays = promised - promised / 2, Description = "首席代表按授权作出准予或者不予许可的决定" },
            new() { Name = "制证送达", ActingRole = StaffRoles.WindowClerk, Description = "统一出件窗口发证，或邮寄、电子送达" },
        ],
    };
}
