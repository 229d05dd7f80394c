using System.Security.Cryptography;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Catalog;

/// <summary>
/// The blank forms (空白表格) and samples (示范文本) of the demo items: a material that is a form the center hands
/// out (an application form, a filing form, a commitment, a declaration, a power of attorney) gets a Word file built
/// from the form's fields, blank and filled with example values, stored like an administrator's upload.
/// </summary>
public static class DemoForms
{
    public enum FormKind
    {
        Application = 1,
        Commitment = 2,
        Declaration = 3,
        PowerOfAttorney = 4,
    }

    private static readonly string[] ApplicationEndings = ["申请表", "申请书", "登记表", "备案表", "备案书", "信息表", "设置申请", "终止备案申请"];

    /// <summary>The form a material is, by its name; null when it is not a form (a certificate, a plan, a copy of an ID).</summary>
    public static (string Title, FormKind Kind)? Describe(string materialName)
    {
        if (materialName.Contains("授权委托书", StringComparison.Ordinal))
        {
            return ("授权委托书", FormKind.PowerOfAttorney);
        }
        if (materialName.EndsWith("承诺书", StringComparison.Ordinal))
        {
            return (materialName, FormKind.Commitment);
        }
        if (materialName.EndsWith("签字声明", StringComparison.Ordinal))
        {
            return ("申请结婚登记声明书", FormKind.Declaration);
        }
        return ApplicationEndings.Any(e => materialName.EndsWith(e, StringComparison.Ordinal)) ? (materialName, FormKind.Application) : null;
    }

    /// <summary>
    /// The guide with a generated blank form and sample on every form material that has no file yet; the files are
    /// handed to <paramref name="store"/> to be saved with the item.
    /// </summary>
    public static ServiceGuide WithFiles(ServiceGuide guide, DemoCatalog.Seed item, Action<StoredFile> store, DateTime now)
    {
        var materials = guide.Materials.Select(m =>
        {
            if (m.TemplateFileId is not null || Document(item, m.Name) is not { } document)
            {
                return m;
            }
            return m with
            {
                TemplateFileId = Store(document, sample: false, store, now),
                SampleFileId = Store(document, sample: true, store, now),
            };
        }).ToList();
        return guide with { Materials = materials };
    }

    /// <summary>The document of a form material of a demo item, or null when the material is not a form.</summary>
    public static FormDocument? Document(DemoCatalog.Seed item, string materialName)
    {
        if (Describe(materialName) is not var (title, kind))
        {
            return null;
        }
        var applicant = Applicant(item);
        return kind switch
        {
            // An item with an application form (一表通) prints that form's questions; the others the matter's usual rows.
            FormKind.Application => new FormDocument(title, item.Name,
                DemoApplicationForms.For(item.Code) is { Count: > 0 } form
                    ? [applicant, .. ApplicationFormDocument.Sections(form, key => DemoApplicationForms.SampleOf(item.Code, key))]
                    : [applicant, new FormSection("申请事项", ItemFields(item))],
                [Pledge(item)], [Signer(item)]),
            FormKind.Commitment => new FormDocument(title, item.Name,
                [applicant],
                [$"{Subject(item)}就申请“{item.Name}”郑重承诺：{Commitment(title)}。", "如有违反，愿意承担相应的法律责任。"], [Signer(item)]),
            FormKind.Declaration => new FormDocument(title, item.Name,
                [new FormSection("声明人", [new("姓名", "张某某"), new("公民身份号码", "43102519900101XXXX"), new("对方当事人姓名", "李某某")])],
                ["本人无配偶，与对方当事人没有直系血亲和三代以内旁系血亲关系，了解对方的身体健康状况，自愿结婚。", "以上声明真实无误，如有虚假，愿意承担相应的法律责任。"],
                ["声明人（签字）"]),
            _ => new FormDocument(title, item.Name,
                [
                    applicant with { Heading = "委托人" },
                    new FormSection("受托人", [new("姓名", "李某某"), new("公民身份号码", "43102519920202XXXX"), new("联系电话", "139XXXX0002")]),
                    new FormSection("委托事项", [new("委托事项", item.Name), new("委托权限", "代为提交申请材料、签收文书、领取办理结果", Tall: true), new("委托期限", "自签字之日起至该事项办结之日止")]),
                ],
                ["委托人对受托人在委托权限内办理的事项承担相应的法律责任。"], ["委托人（签字或盖章）", "受托人（签字）"]),
        };
    }

    private static Guid Store(FormDocument document, bool sample, Action<StoredFile> store, DateTime now)
    {
        var content = document.ToDocx(sample);
        var file = new StoredFile
        {
            Id = Guid.CreateVersion7(now),
            FileName = document.FileName(sample),
            ContentType = FormDocument.DocxContentType,
            Length = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            Purpose = StoredFile.GuideAttachment,
            UploadedBy = "seed",
            UploadedAt = now,
        };
        store(file);
        return file.Id;
    }

    private static string Subject(DemoCatalog.Seed item) => item.Enterprise && !item.Person ? "本单位" : item.Person && !item.Enterprise ? "本人" : "本人（本单位）";

    private static string Signer(DemoCatalog.Seed item) => item.Enterprise ? "申请人（签字或盖章）" : "申请人（签字）";

    private static string Pledge(DemoCatalog.Seed item) => $"{Subject(item)}承诺：所填写的内容和提交的申请材料真实、合法、有效，并对其真实性负责。";

    private static FormSection Applicant(DemoCatalog.Seed item) => new("申请人信息", (item.Enterprise, item.Person) switch
    {
        (true, false) =>
        [
            new("单位名称", "临武县某某有限公司"), new("统一社会信用代码", "91431025MA4XXXXXXX"), new("法定代表人（负责人）", "张某某"),
            new("住所", "临武县舜峰镇某某路 88 号"), new("经办人", "李某某"), new("联系电话", "0735-636XXXX"),
        ],
        (false, true) =>
        [
            new("姓名", "张某某"), new("公民身份号码", "43102519900101XXXX"), new("住址", "临武县舜峰镇某某村 1 组"), new("联系电话", "139XXXX0001"),
        ],
        _ =>
        [
            new("申请人名称（姓名）", "张某某"), new("统一社会信用代码（公民身份号码）", "43102519900101XXXX"), new("法定代表人（负责人）", "张某某"),
            new("住所（住址）", "临武县舜峰镇某某路 88 号"), new("联系电话", "139XXXX0001"),
        ],
    });

    private static string Commitment(string title)
    {
        if (title.Contains("养老机构", StringComparison.Ordinal))
        {
            return "按照《养老机构管理办法》开展养老服务，服务场所符合消防、卫生与健康、环境保护、食品药品、建筑等方面的法律法规和标准，备案信息真实";
        }
        if (title.Contains("建设资金", StringComparison.Ordinal))
        {
            return "该工程建设资金已经落实，按合同约定及时支付工程款，不拖欠农民工工资";
        }
        return title.Contains("拆除", StringComparison.Ordinal)
            ? "临时建设在批准的使用期限届满前自行无偿拆除，恢复场地原状"
            : "所提交的申请材料真实、合法、有效";
    }

    /// <summary>What the form asks about the matter itself: the item's own fields, else its content and reasons.</summary>
    private static IReadOnlyList<FormRow> ItemFields(DemoCatalog.Seed item) => item.Code[7..] switch
    {
        "SJ-001" =>
        [
            new("企业名称", "临武县某某餐饮管理有限公司"), new("企业类型", "有限责任公司（自然人独资）"), new("注册资本（万元）", "50"),
            new("住所", "临武县舜峰镇某某路 88 号"), new("经营范围", "餐饮服务；餐饮管理；食品销售（仅销售预包装食品）", Tall: true),
            new("法定代表人", "张某某"), new("营业期限", "长期"),
        ],
        "SJ-002" =>
        [
            new("个体工商户名称", "临武县某某小吃店"), new("组成形式", "个人经营"), new("经营场所", "临武县舜峰镇某某路 12 号门面"),
            new("经营范围", "餐饮服务（小餐饮）", Tall: true), new("从业人数", "3"), new("资金数额（万元）", "10"),
        ],
        "SJ-003" =>
        [
            new("经营者名称", "临武县某某小吃店"), new("经营场所", "临武县舜峰镇某某路 12 号门面"), new("主体业态", "餐饮服务经营者（小型餐馆）"),
            new("经营项目", "热食类食品制售；冷食类食品制售", Tall: true), new("经营场所面积（平方米）", "60"), new("食品安全管理人员", "张某某"),
        ],
        "MZ-001" or "MZ-002" =>
        [
            new("拟设立名称", "临武县某某协会"), new("业务范围", "行业交流、培训、咨询服务", Tall: true), new("业务主管单位", "临武县某某局"),
            new("住所", "临武县舜峰镇某某路 6 号"), new("注册资金（万元）", "3"), new("拟任负责人", "张某某"),
        ],
        "MZ-003" =>
        [
            new("养老机构名称", "临武县某某颐养院"), new("服务场所地址", "临武县舜峰镇某某路 20 号"), new("床位数（张）", "60"),
            new("服务内容", "生活照料、膳食、康复护理、精神慰藉", Tall: true), new("机构负责人", "张某某"),
        ],
        "ZJ-001" =>
        [
            new("工程名称", "某某小区 3 号楼"), new("建设地址", "临武县舜峰镇某某路"), new("建设规模（平方米）", "12000"), new("合同价格（万元）", "2400"),
            new("施工单位", "湖南某某建设有限公司"), new("监理单位", "郴州某某监理有限公司"), new("计划开工、竣工日期", "2027 年 1 月 10 日至 2028 年 6 月 30 日"),
        ],
        "ZR-001" or "ZR-004" =>
        [
            new("建设地点", "临武县汾市镇某某村 3 组"), new("用地面积（平方米）", "120"), new("建筑面积（平方米）", "260"),
            new("建筑层数", "3"), new("建设用途", "自住"), new("四至", "东至道路，南至张某宅，西至耕地，北至李某宅", Tall: true),
        ],
        "GA-001" =>
        [
            new("印章名称（印文）", "临武县某某有限公司"), new("印章种类及枚数", "公章 1 枚、财务专用章 1 枚、发票专用章 1 枚"), new("刻制单位", "临武县某某刻章店"),
        ],
        "RS-001" =>
        [
            new("参保险种", "企业职工基本养老保险、失业保险、工伤保险"), new("参保人数", "5"), new("缴费开户银行及账号", "临武县某某银行 6217XXXXXXXXXXXX"),
        ],
        "SW-001" =>
        [
            new("财务负责人姓名", "王某某"), new("财务负责人身份证件号码", "43102519880303XXXX"), new("财务负责人联系电话", "139XXXX0003"),
            new("办税人员姓名", "李某某"), new("办税人员身份证件号码", "43102519920202XXXX"), new("办税人员联系电话", "139XXXX0002"),
        ],
        "JT-001" =>
        [
            new("经营范围", "普通货运"), new("车辆数量（辆）", "3"), new("车辆号牌", "湘 LXXXXX 等"), new("停车场地", "临武县舜峰镇某某物流园"),
        ],
        "JT-002" =>
        [
            new("经营类别", "三类机动车维修（汽车快修）"), new("经营地址", "临武县舜峰镇某某路 50 号"), new("维修车型", "小型汽车"), new("技术负责人", "王某某"),
        ],
        "WL-003" =>
        [
            new("经营范围", "数字复印、打印、名片制作"), new("经营场所", "临武县舜峰镇某某路 30 号"), new("主要设备", "数字复印机 2 台、激光打印机 1 台"),
        ],
        "WJ-003" =>
        [
            new("场所名称", "临武县某某理发店"), new("场所类别", "美容美发场所"), new("营业面积（平方米）", "80"), new("从业人员数", "4"),
        ],
        "CG-001" =>
        [
            new("工程名称", "某某小区 3 号楼"), new("建筑垃圾种类及数量（立方米）", "渣土 3000"), new("运输单位", "临武县某某运输有限公司"),
            new("受纳场所", "临武县建筑垃圾消纳场"), new("处置期限", "2027 年 1 月 10 日至 2027 年 3 月 31 日"),
        ],
        "CG-002" =>
        [
            new("占用地点", "临武县舜峰镇某某路 12 号门前人行道"), new("占用面积（平方米）", "20"), new("占用期限", "2027 年 1 月 10 日至 2027 年 1 月 20 日"),
            new("占用用途", "建筑材料临时堆放", Tall: true),
        ],
        "CG-003" =>
        [
            new("设置地点", "临武县舜峰镇某某路 88 号楼顶"), new("设置形式及规格", "楼顶广告牌，长 12 米、高 3 米"), new("设置期限", "3 年"),
            new("内容", "企业形象宣传", Tall: true),
        ],
        _ =>
        [
            new("申请内容", $"申请办理{item.Name}", Tall: true), new("申请理由", "（写明申请的事实和理由）", Tall: true),
        ],
    };
}
