using OneWindow.Domain.Catalog;
using static OneWindow.Domain.Catalog.FormFieldType;

namespace OneWindow.Web.Modules.Catalog;

/// <summary>
/// The application forms (一表通) of the demo items, each field with the value the sample form (示范文本), the demo
/// history and the tests fill in. Fields the 开办企业 and 开办餐饮店 members share carry the same key, so the package
/// asks them once: the enterprise's name, type, capital, address and business scope, its legal representative.
/// The questions follow the state's forms for these matters (公司登记（备案）申请书, 个体工商户登记（备案）申请书, 食品经营许可申请书,
/// 单位社会保险登记表, 印章刻制申请表), shortened to what a county window asks.
/// </summary>
public static class DemoApplicationForms
{
    private const string Enterprise = "企业信息", Representative = "法定代表人", Business = "经营信息", Finance = "财务与办税人员";

    private sealed record Q(FormField Field, string Sample);

    private static Q F(string key, string label, FormFieldType type, string sample, string? group = null, bool required = true, string? help = null,
        string[]? options = null, string? unit = null, decimal? min = null, decimal? max = null) =>
        new(new FormField { Key = key, Label = label, Type = type, Required = required, Group = group, Help = help, Options = options ?? [], Unit = unit, Min = min, Max = max }, sample);

    private static readonly Q EnterpriseName = F(ApplicationForm.EnterpriseNameKey, "企业名称", Text, "临武县舜峰香芋食品有限公司", Enterprise,
        help: "企业尚未设立的，填写经自主申报的拟设立企业名称");
    private static readonly Q Address = F("enterprise.address", "住所（经营场所）", Text, "临武县舜峰镇东街 18 号", Enterprise);
    private static readonly Q Scope = F("business.scope", "经营范围", LongText, "食品生产；食品销售；农产品初加工", Business,
        help: "按《经营范围登记规范表述目录》填写");
    private static readonly Q RepresentativeName = F("legalRepresentative.name", "法定代表人姓名", Text, "张三", Representative);
    private static readonly Q RepresentativeId = F("legalRepresentative.idNumber", "法定代表人身份证号码", IdNumber, "11010519491231002X", Representative);
    private static readonly Q RepresentativePhone = F("legalRepresentative.phone", "法定代表人联系电话", Phone, "13907351234", Representative);

    private static readonly Dictionary<string, Q[]> Forms = new(StringComparer.Ordinal)
    {
        ["431025-SJ-001"] =
        [
            EnterpriseName,
            F("enterprise.type", "企业类型", Choice, "有限责任公司（自然人独资）", Enterprise,
                options: ["有限责任公司（自然人独资）", "有限责任公司（自然人投资或控股）", "股份有限公司", "个人独资企业", "合伙企业"]),
            F("enterprise.capital", "注册资本", Number, "50", Enterprise, unit: "万元", min: 0, max: 10_000_000),
            Address, Scope,
            RepresentativeName, RepresentativeId, RepresentativePhone,
            F("enterprise.term", "营业期限", Choice, "长期", Enterprise, required: false, options: ["长期", "固定期限"]),
        ],
        ["431025-SJ-002"] =
        [
            EnterpriseName with { Field = EnterpriseName.Field with { Label = "个体工商户名称", Help = "可以不起字号名称" }, Sample = "临武县张三小吃店" },
            F("business.form", "组成形式", Choice, "个人经营", Enterprise, options: ["个人经营", "家庭经营"]),
            Address with { Field = Address.Field with { Label = "经营场所" }, Sample = "临武县舜峰镇东街 12 号门面" },
            Scope with { Sample = "餐饮服务（小餐饮）" },
            F("business.employees", "从业人数", Number, "3", Business, unit: "人", min: 0, max: 1000),
            F("enterprise.capital", "资金数额", Number, "10", Enterprise, unit: "万元", min: 0, max: 10_000_000),
        ],
        ["431025-SJ-003"] =
        [
            EnterpriseName with { Field = EnterpriseName.Field with { Label = "经营者名称", Help = "与营业执照上的名称一致" }, Sample = "临武县张三小吃店" },
            Address with { Field = Address.Field with { Label = "经营场所" }, Sample = "临武县舜峰镇东街 12 号门面" },
            F("food.mainBusiness", "主体业态", Choice, "餐饮服务经营者（小型餐馆）", Business,
                options: ["食品销售经营者", "餐饮服务经营者（小型餐馆）", "餐饮服务经营者（中型餐馆）", "单位食堂"]),
            F("food.items", "经营项目", LongText, "热食类食品制售；冷食类食品制售", Business, help: "如：预包装食品销售，热食类食品制售"),
            F("food.area", "经营场所面积", Number, "60", Business, unit: "平方米", min: 1, max: 100_000),
            F("food.safetyManager", "食品安全管理人员", Text, "张三", Business),
        ],
        ["431025-SW-001"] =
        [
            EnterpriseName,
            F("finance.name", "财务负责人姓名", Text, "王五", Finance),
            F("finance.phone", "财务负责人联系电话", Phone, "13907350003", Finance),
            F("taxAgent.name", "办税人员姓名", Text, "李四", Finance),
            F("taxAgent.idNumber", "办税人员身份证号码", IdNumber, "11010519491231002X", Finance),
            F("taxAgent.phone", "办税人员联系电话", Phone, "13907350002", Finance),
            F("invoice.kind", "申领发票种类", Choice, "数电发票（普通发票）", Finance, required: false,
                options: ["数电发票（普通发票）", "数电发票（增值税专用发票）"]),
        ],
        ["431025-RS-001"] =
        [
            EnterpriseName, Address,
            F("insurance.employees", "参保人数", Number, "5", "参保信息", unit: "人", min: 1, max: 100_000),
            F("insurance.bankAccount", "缴费开户银行及账号", Text, "湖南临武农村商业银行 6217 0000 0000 0001", "参保信息"),
        ],
        ["431025-GA-001"] =
        [
            EnterpriseName,
            F("seal.kinds", "印章种类及枚数", Text, "公章 1 枚、财务专用章 1 枚、发票专用章 1 枚", "印章信息"),
            F("seal.maker", "刻制单位", Text, "临武县某某刻章店", "印章信息", required: false, help: "申请人自主选择已备案的印章刻制单位"),
            RepresentativeName,
        ],
        ["431025-GA-002"] =
        [
            F("move.reason", "迁入原因", Choice, "投靠配偶", "迁移信息", options: ["投靠配偶", "投靠父母", "购房落户", "就业落户", "其他"]),
            F("move.from", "原户籍地址", Text, "湖南省郴州市宜章县某某镇某某村", "迁移信息"),
            F("move.to", "迁入地址", Text, "临武县舜峰镇某某路 6 号", "迁移信息"),
            F("move.people", "随迁人数", Number, "0", "迁移信息", unit: "人", min: 0, max: 20, required: false),
        ],
        ["431025-GA-003"] =
        [
            F("idCard.kind", "申领类别", Choice, "换领", "申领信息", options: ["首次申领", "换领", "补领"]),
            F("idCard.reason", "换领、补领原因", Choice, "有效期满", "申领信息", required: false, options: ["有效期满", "证件损坏", "证件遗失", "登记项目变更"]),
            F("idCard.delivery", "领取方式", Choice, "到户籍窗口领取", "申领信息", options: ["到户籍窗口领取", "邮寄送达"]),
        ],
    };

    /// <summary>The application form of a demo item; empty when its guide defines none.</summary>
    public static IReadOnlyList<FormField> For(string code) => Forms.TryGetValue(code, out var form) ? [.. form.Select(q => q.Field)] : [];

    /// <summary>
    /// Valid answers to the form of a demo item or package (its members' merged form), as a sample form, the demo history
    /// and the tests fill it in; empty when it has none.
    /// </summary>
    public static Dictionary<string, string?> SampleAnswers(string code)
    {
        var members = DemoCatalog.Combined.FirstOrDefault(c => c.Code == code)?.Members ?? [code];
        var answers = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var q in members.SelectMany(m => Forms.TryGetValue(m, out var form) ? form : []))
        {
            answers.TryAdd(q.Field.Key, q.Sample);
        }
        return answers;
    }

    /// <summary>The sample value of a field any demo form asks under this key (the first form's), or null.</summary>
    public static string? SampleOf(string key) => Forms.Values.SelectMany(f => f).FirstOrDefault(q => q.Field.Key == key)?.Sample;

    /// <summary>The sample value of one field of a demo item's form (for its sample document), or null.</summary>
    public static string? SampleOf(string code, string key) =>
        Forms.TryGetValue(code, out var form) ? form.FirstOrDefault(q => q.Field.Key == key)?.Sample : null;
}
