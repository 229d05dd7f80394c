using OneWindow.Domain.Calendar;
using OneWindow.Domain.Knowledge;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Knowledge;
using OneWindow.Web.Modules.Organization;

namespace OneWindow.Web.Seeding;

/// <summary>
/// The demo county's knowledge base: about thirty answers the 12345 operators give most, across the category tree and
/// a few service items. Where the facts come from: the service items' limits, places and phones are the demo catalog's
/// (DemoCatalog, DemoCounty: made-up local data on real national item names); the hotline's own limits and channels are
/// this platform's defaults from the hotline laws (济南、潍坊 12345 条例, ADR 0023); the rest quotes national law named in
/// each answer (婚姻登记条例 2025 修订, 保障农民工工资支付条例, 噪声污染防治法, 消费者权益保护法, 社会救助暂行办法). Two entries
/// were written "half a year ago" and are past their review day, so the list's flag shows in the demo.
/// </summary>
public static class KnowledgeSeed
{
    private sealed record EntrySeed(string Category, string Dept, string Question, string Answer, string? Item = null, string Keywords = "", bool Overdue = false);

    private static readonly EntrySeed[] Entries =
    [
        new("ZW.01", "MZ", "结婚登记需要带什么材料？在哪里办？",
            "男女双方共同到婚姻登记机关办理，带本人居民身份证和本人无配偶以及与对方没有直系血亲、三代以内旁系血亲关系的签字声明（现场填写）。依 2025 年 5 月 10 日起施行的修订后《婚姻登记条例》，不再需要户口簿，可在全国任一婚姻登记机关办理。本县在政务服务中心民政窗口（B01）即时办结，不收费。",
            "431025-MZ-004", "领证|结婚证|婚姻登记"),
        new("SH.02", "MZ", "开办养老机构要先审批吗？",
            "不需要许可，实行备案：养老机构登记后向民政部门备案即可，材料有备案书、承诺书、登记证书、场所和消防安全材料。在政务服务中心民政窗口（B01）或网上办理，当场办结。",
            "431025-MZ-003", "养老院|敬老院|备案"),
        new("SH.01", "MZ", "家里困难，怎么申请低保？",
            "由申请人以家庭为单位，向户籍所在地的乡镇人民政府（街道办事处）书面提出申请（《社会救助暂行办法》第十一条），也可请村（居）民委员会代为提出。乡镇审核家庭收入和财产，公示后报县民政局审批。咨询县民政局 0735-6361201。",
            null, "低保|最低生活保障|救助"),
        new("SC.01", "SJ", "想开个小饭店，要办什么证？",
            "先办营业执照（个体工商户或企业登记），再办食品经营许可。食品经营许可法定 20 个工作日、本县承诺 5 个工作日办结，需要经营场所、设施布局和食品安全管理制度等材料。两项都在政务服务中心市场服务综合窗口（A04）或市场监管窗口（B09）办理。",
            "431025-SJ-003", "开饭店|餐饮|食品经营许可证|小吃店"),
        new("SC.03", "SJ", "网上买的东西不想要了，能退吗？",
            "网购商品（定作、鲜活易腐、数字化商品、报纸期刊等除外）自收到之日起七日内可无理由退货（《消费者权益保护法》第二十五条），商品应当完好，退回运费由消费者承担（另有约定的除外）。商家拒绝的，可向市场监管部门投诉，或登记 12345 工单转县市场监督管理局。",
            null, "七天无理由|退货|网购"),
        new("SC.01", "SJ", "发现餐馆卫生很差、吃坏了肚子，怎么投诉？",
            "请说清楚店名、地址、就餐时间和经过，保留好小票、付款记录和就医记录；12345 登记投诉工单后转县市场监督管理局，5 个工作日内答复处理情况。如有多人中毒等紧急情况，请先拨打 120 就医。",
            null, "食品安全|食物中毒|餐馆"),
        new("SC.02", "SJ", "店里乱涨价、不明码标价归谁管？",
            "价格违法行为（不明码标价、价格欺诈、哄抬价格）由市场监管部门查处。请提供店名、地址、商品、价格和时间，登记投诉工单后转县市场监督管理局处理。",
            null, "明码标价|乱收费|价格"),
        new("ZW.01", "SJ", "办营业执照要多久？个体户当天能拿到吗？",
            "个体工商户登记材料齐全当场办结（本县承诺即办）；企业设立登记法定 15 个工作日，本县承诺 1 个工作日。可在政务服务中心 A04 窗口办理，也可网上申请后到窗口领照或选择邮寄。",
            "431025-SJ-002", "营业执照|个体户|开公司"),
        new("ZW.04", "SW", "新开的公司怎么领发票？",
            "企业设立登记后，在税务窗口（B10）或电子税务局办理新办纳税人涉税事项（信息确认、发票领用），符合条件的当场办结。咨询国家税务总局临武县税务局 0735-6361210。",
            "431025-SW-001", "发票|税务登记|新办纳税人"),
        new("LD.01", "RS", "老板拖欠工资不给，怎么办？",
            "请说明用人单位名称、地址、欠薪人数、金额和时间，保留劳动合同、考勤、工资条或聊天记录。12345 登记后转县人力资源和社会保障局（劳动保障监察）处理；《保障农民工工资支付条例》规定工程建设领域施工总承包单位对农民工工资负清偿责任。也可直接拨打 12333 或到人社窗口（B11）投诉。",
            null, "欠薪|讨薪|农民工工资"),
        new("LD.02", "RS", "农村老人怎么参加城乡居民养老保险？",
            "年满 16 周岁（不含在校学生）、未参加职工基本养老保险的城乡居民，可在户籍地参保登记，带居民身份证到人社窗口（B11）或村（社区）代办点办理，当场办结。缴费档次由本人选择。",
            "431025-RS-002", "养老保险|社保|城乡居民"),
        new("LD.02", "RS", "公司怎么给员工办社保登记？",
            "单位自成立之日起 30 日内办理社会保险登记（《社会保险法》第五十七条）。带营业执照等材料到人社窗口（B11）办理，本县承诺即办。",
            "431025-RS-001", "单位参保|社保登记"),
        new("WS.01", "WJ", "生孩子要办生育登记吗？在哪办？",
            "生育登记是公共服务，不收费、不设前置条件：夫妻一方到卫生健康窗口（B06）或网上登记即可，当场办结。孕妇建档和母子健康手册在卫生健康窗口或乡镇卫生院办理。",
            "431025-WJ-001", "生育登记|准生证|母子健康手册"),
        new("WS.01", "WJ", "开美容店、宾馆要办卫生许可吗？",
            "宾馆、美容美发等公共场所要办公共场所卫生许可，法定 20 个工作日、本县承诺 5 个工作日，在卫生健康窗口（B06）提交申请，需要现场审查。",
            "431025-WJ-003", "卫生许可证|宾馆|美容店"),
        new("ZW.03", "GA", "刻公章要去哪里？",
            "企业登记后持营业执照到公安窗口（B12）办理公章刻制备案，本县与企业开办一并即办，刻章费用由政府承担的按本地规定执行。",
            "431025-GA-001", "刻章|公章|印章"),
        new("ZW.03", "GA", "身份证丢了怎么补？外地户口能在这里补吗？",
            "居民身份证可在户籍所在地公安机关补领，也可以在全国任一异地受理点跨省办理（2016 年起实施异地受理），带户口簿或本人其他身份材料，现场采集照片和指纹。急用可同时申请临时身份证。咨询县公安局 0735-6361212。",
            null, "补办身份证|临时身份证|异地办证"),
        new("CX.03", "CG", "邻居在楼顶搭违建，找谁？",
            "违法建设由县城市管理和综合执法局查处（乡镇范围内由属地乡镇配合）。请说明具体地址、搭建情况和开始时间，可拍照留存；登记投诉工单后 5 个工作日内答复。",
            null, "违建|违章建筑|乱搭乱建"),
        new("CX.02", "CG", "路灯不亮、井盖丢了怎么报？",
            "城区路灯和井盖由县城市管理和综合执法局维护。井盖缺失有人员跌落危险的，请先设置警示并说明具体位置，按紧急件登记；路灯故障按一般求助件 5 个工作日处理。",
            null, "路灯|井盖|市政设施"),
        new("CX.04", "CG", "要临时占道施工、堆放材料，怎么审批？",
            "临时占用城市道路须经城市管理部门审批，法定 20 个工作日、本县承诺 3 个工作日，在城市管理窗口（B07）申请，写明占道位置、面积和期限。",
            "431025-CG-002", "占道|挖路|临时占用"),
        new("CX.01", "ZJ", "盖房子要办施工许可证吗？",
            "工程投资额 30 万元以上或建筑面积 300 平方米以上的建筑工程开工前须办理建筑工程施工许可证（本县承诺 3 个工作日）；农民自建低层住宅不在此列，但须办乡村建设规划许可。",
            "431025-ZJ-001", "施工许可|开工|建房"),
        new("ZR.01", "ZR", "农村建房要办什么手续？",
            "在乡、村庄规划区内建房须办乡村建设规划许可证，法定 20 个工作日、本县承诺 10 个工作日，向乡镇提出申请后由县自然资源局核发；涉及宅基地的还需宅基地审批。",
            "431025-ZR-001", "农村建房|宅基地|乡村建设规划"),
        new("JT.03", "JT", "出租车拒载、绕路怎么投诉？",
            "请记下车牌号、上下车时间和地点，保留付款记录。12345 登记投诉工单后转县交通运输局，5 个工作日内答复处理结果。",
            null, "出租车|网约车|拒载|绕路"),
        new("JT.01", "JT", "办货车运输经营许可要什么条件？",
            "从事道路货物运输经营（使用总质量 4.5 吨以下普通货运车辆的除外）须取得道路运输经营许可，法定 20 个工作日、本县承诺 5 个工作日，在交通运输窗口（B05）申请。",
            "431025-JT-001", "货运|道路运输证|营运证"),
        new("HJ.01", "HB", "晚上工地施工太吵，能管吗？",
            "《噪声污染防治法》规定，在噪声敏感建筑物集中区域，夜间（22 时至次日 6 时）禁止进行产生噪声的建筑施工作业，抢修、抢险和因生产工艺要求或其他特殊需要并取得证明的除外。请说明工地位置和时间，登记投诉工单后转相关部门处理。",
            null, "噪音|噪声|夜间施工|扰民", Overdue: true),
        new("GF.01", "WATER", "家里停水了，什么时候来水？",
            "计划停水会提前公告；突发停水请说明小区或门牌地址，12345 登记后转临武县自来水有限公司（0735-6362001）查明原因并答复恢复时间。",
            null, "停水|自来水|水压低"),
        new("GF.02", "POWER", "停电了怎么查原因？",
            "可拨打国家电网供电服务热线 95598 查询停电信息；本地故障请说明地址，12345 登记后转国网临武县供电公司（0735-6362002）处理。",
            null, "停电|供电|电费"),
        new("GF.03", "GAS", "闻到燃气味怎么办？",
            "立即关闭燃气阀门、打开门窗通风，不要开关电器、不要使用明火和手机，人员撤到室外后拨打临武县燃气有限公司抢修电话（0735-6362003）；危急时直接拨打 119。此类来电按紧急件转警或转燃气公司。",
            null, "燃气泄漏|煤气|漏气"),
        new("JY.01", "JY", "孩子上小学怎么报名？",
            "公办小学按县教育局每年公布的招生方案相对就近入学，一般需要适龄儿童的户口簿或居住证、监护人身份证和房产（租房）证明。具体时间和学区以县教育局当年公告为准（0735-6361214）。",
            null, "入学|报名|学区|小学", Overdue: true),
        new("ZW.01", "MZ", "政务服务中心在哪？几点上班？",
            $"{DemoCounty.CenterAddress}。办公时间：{DemoCounty.CenterHours}。很多事项也可网上办理，进度可在网上查询。",
            null, "办事大厅|地址|上班时间"),
        new("ZW.01", "MZ", "12345 工单多久能办好？怎么查进度？",
            "咨询件 1 个工作日内答复，求助、投诉、举报件 5 个工作日内办结（法律另有规定的从其规定，并告知进度），建议件 10 个工作日。可凭工单编号和登记手机号后四位在网上“查询工单”页面查进度，办结后会回访。",
            null, "工单进度|办理时限|查询"),
        new("ZW.01", "MZ", "哪些事情 12345 不受理？",
            "正在或应当通过诉讼、仲裁、行政复议等法定途径解决的，已进入信访程序的，涉及国家秘密、商业秘密、个人隐私的，已依法办结且无新情况的，不予受理，坐席会告知应走的途径。火警、急救、治安、交通事故请直接拨打 119、120、110、122。",
            null, "受理范围|不予受理|紧急"),
    ];

    /// <summary>The units the hotline seed adds beyond the county's departments with windows in the hall (HotlineSeed).</summary>
    private static readonly Dictionary<string, string> HotlineUnitNames = new()
    {
        ["JY"] = "临武县教育局", ["HB"] = "郴州市生态环境局临武分局", ["WATER"] = "临武县自来水有限公司", ["POWER"] = "国网临武县供电公司", ["GAS"] = "临武县燃气有限公司",
    };

    /// <summary>Run after the hotline seed, in the demo county's unit: the departments and categories are in the context, not saved yet.</summary>
    public static void Seed(OneWindowDbContext db, DateTime now)
    {
        var names = DemoCounty.Departments.ToDictionary(d => d.Key, d => d.Name);
        foreach (var (key, name) in HotlineUnitNames)
        {
            names[key] = name;
        }
        var byName = db.Departments.Local.GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.First().Id);
        var departments = names.Where(n => byName.ContainsKey(n.Value)).ToDictionary(n => n.Key, n => byName[n.Value]);
        var categoryNames = db.Set<Domain.Hotline.HotlineCategory>().Local.ToDictionary(c => c.Code, c => c.Name);
        var author = new KnowledgeAuthor("系统初始化", true, null);
        foreach (var s in Entries)
        {
            // The overdue ones were written 200 days ago with a review day half a year on.
            var at = s.Overdue ? now.AddDays(-200) : now;
            var today = ChinaTime.DateOf(at);
            var draft = new KnowledgeDraft(s.Question, s.Answer, s.Category, departments[s.Dept], s.Item,
                s.Keywords.Split('|', StringSplitOptions.RemoveEmptyEntries), today.AddDays(180), "初始化");
            var (entry, version) = KnowledgeEntry.Create(draft, author, at, today);
            db.Add(entry);
            db.Add(version);
            foreach (var (term, weight) in KnowledgeIndex.WeightsOf(entry, categoryNames.GetValueOrDefault(s.Category)))
            {
                db.Add(new KnowledgeTerm { Term = term, DocumentKey = KnowledgeIndex.EntryKey(entry.Id), Weight = weight });
            }
        }
    }
}
