namespace OneWindow.Domain.Catalog;

/// <summary>What kind of answer a field of the application form (申请表) takes, and so how it is checked.</summary>
public enum FormFieldType
{
    /// <summary>One line of text (a name, an address).</summary>
    Text,
    /// <summary>Several lines (经营范围, a description).</summary>
    LongText,
    /// <summary>A decimal number, with an optional unit (注册资本 in 万元, 经营面积 in ㎡).</summary>
    Number,
    /// <summary>A calendar day (yyyy-MM-dd).</summary>
    Date,
    /// <summary>One of the field's options (企业类型).</summary>
    Choice,
    /// <summary>A mobile or landline number.</summary>
    Phone,
    /// <summary>A resident ID number (GB 11643), checked by its check character.</summary>
    IdNumber,
    /// <summary>A unified social credit code (GB 32100), checked by its check character.</summary>
    CreditCode,
}

/// <summary>
/// One question of an item's application form (一表通). Its <see cref="Key"/> is what makes the form merge: a combined
/// item asks a field its members share under the same key (<c>enterprise.name</c>, <c>enterprise.address</c>) once, and
/// each part of the joint case gets the answers to its own keys.
/// </summary>
public sealed record FormField
{
    /// <summary>Stable, machine-readable: lower-case letters, digits and dots (<c>legalRepresentative.name</c>).</summary>
    public required string Key { get; init; }
    public required string Label { get; init; }
    public FormFieldType Type { get; init; } = FormFieldType.Text;
    public bool Required { get; init; }
    /// <summary>The form's section the field is printed under (申请人信息, 企业信息, 经营信息).</summary>
    public string? Group { get; init; }
    /// <summary>What to write and how (填写与营业执照一致的名称).</summary>
    public string? Help { get; init; }
    /// <summary>The choices of a <see cref="FormFieldType.Choice"/> field.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];
    /// <summary>The longest answer for a text field; null: a line (200) or a page (2,000).</summary>
    public int? MaxLength { get; init; }
    /// <summary>The bounds of a <see cref="FormFieldType.Number"/> field, and its unit.</summary>
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public string? Unit { get; init; }
}
