using System.IO.Compression;
using System.Security;
using System.Text;

namespace OneWindow.Web.Modules.Catalog;

/// <summary>One row of a form document: what to fill in, and what the sample (示范文本) fills in.</summary>
public sealed record FormRow(string Label, string Sample, bool Tall = false);

/// <summary>A titled group of rows (申请人信息, 申请事项 …).</summary>
public sealed record FormSection(string Heading, IReadOnlyList<FormRow> Fields);

/// <summary>
/// A material's form as a document: its title, the item it belongs to, sections of fields, the paragraphs the
/// applicant signs under (a declaration, a commitment) and the signature lines. Written blank (空白表格) or filled
/// with its sample values (示范文本).
/// </summary>
public sealed record FormDocument(string Title, string ItemName, IReadOnlyList<FormSection> Sections, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Signatures)
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>
    /// A minimal Word document (.docx: Office Open XML, which Word, WPS and LibreOffice open): the title centred, a
    /// bordered two-column table of labels and blanks on A4, then the paragraphs and the signature lines. The sample
    /// fills each blank with its example and says in its heading that it is a sample.
    /// </summary>
    public byte[] ToDocx(bool sample)
    {
        var body = new StringBuilder();
        body.Append(Paragraph(Title, size: 36, bold: true, center: true));
        body.Append(Paragraph(sample ? "（示范文本，仅供填写参考）" : "（空白表格）", size: 21, center: true));
        body.Append(Paragraph("申请事项：" + ItemName, size: 24));
        if (Sections.Count > 0)
        {
            body.Append(Table(sample));
        }
        foreach (var paragraph in Paragraphs)
        {
            body.Append(Paragraph(paragraph, size: 24, indent: true));
        }
        body.Append(Paragraph("", size: 24));
        foreach (var signature in Signatures)
        {
            body.Append(Paragraph(signature + "：" + (sample ? SampleSignature(signature) : "____________________"), size: 24, right: true));
        }
        body.Append(Paragraph("日期：" + (sample ? "2026 年 12 月 1 日" : "______年____月____日"), size: 24, right: true));

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Part(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            Part(zip, "word/document.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + body
                // A4 with 2.5 cm margins.
                + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1418\" w:right=\"1418\" w:bottom=\"1418\" w:left=\"1418\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
        }
        return buffer.ToArray();
    }

    /// <summary>The file name the download is saved under: the title, marked blank or sample.</summary>
    public string FileName(bool sample) => $"{Title}（{(sample ? "示范文本" : "空白表格")}）.docx";

    private static string SampleSignature(string signature) => signature.Contains("盖章", StringComparison.Ordinal) ? "张某某（签字）／（单位公章）" : "张某某";

    private string Table(bool sample)
    {
        const int labelWidth = 2800, valueWidth = 6270;
        var table = new StringBuilder();
        table.Append("<w:tbl><w:tblPr><w:tblW w:w=\"").Append(labelWidth + valueWidth).Append("\" w:type=\"dxa\"/><w:tblBorders>");
        foreach (var side in new[] { "top", "left", "bottom", "right", "insideH", "insideV" })
        {
            table.Append("<w:").Append(side).Append(" w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/>");
        }
        table.Append("</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"").Append(labelWidth)
            .Append("\"/><w:gridCol w:w=\"").Append(valueWidth).Append("\"/></w:tblGrid>");
        foreach (var section in Sections)
        {
            table.Append("<w:tr><w:trPr><w:trHeight w:val=\"480\"/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"").Append(labelWidth + valueWidth)
                .Append("\" w:type=\"dxa\"/><w:gridSpan w:val=\"2\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/><w:vAlign w:val=\"center\"/></w:tcPr>")
                .Append(Paragraph(section.Heading, size: 24, bold: true)).Append("</w:tc></w:tr>");
            foreach (var field in section.Fields)
            {
                table.Append("<w:tr><w:trPr><w:trHeight w:val=\"").Append(field.Tall ? 1400 : 560).Append("\"/></w:trPr>")
                    .Append("<w:tc><w:tcPr><w:tcW w:w=\"").Append(labelWidth).Append("\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>")
                    .Append(Paragraph(field.Label, size: 22, center: true)).Append("</w:tc>")
                    .Append("<w:tc><w:tcPr><w:tcW w:w=\"").Append(valueWidth).Append("\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>")
                    .Append(Paragraph(sample ? field.Sample : "", size: 22)).Append("</w:tc></w:tr>");
            }
        }
        table.Append("</w:tbl>");
        return table.ToString();
    }

    private static string Paragraph(string text, int size, bool bold = false, bool center = false, bool right = false, bool indent = false)
    {
        var p = new StringBuilder("<w:p><w:pPr><w:spacing w:before=\"60\" w:after=\"60\"/>");
        if (indent)
        {
            p.Append("<w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/>");
        }
        if (center || right)
        {
            p.Append("<w:jc w:val=\"").Append(center ? "center" : "right").Append("\"/>");
        }
        p.Append("</w:pPr>");
        if (text.Length > 0)
        {
            p.Append("<w:r><w:rPr><w:rFonts w:ascii=\"SimSun\" w:hAnsi=\"SimSun\" w:eastAsia=\"SimSun\" w:hint=\"eastAsia\"/>");
            if (bold)
            {
                p.Append("<w:b/>");
            }
            p.Append("<w:sz w:val=\"").Append(size).Append("\"/><w:szCs w:val=\"").Append(size).Append("\"/></w:rPr><w:t xml:space=\"preserve\">")
                .Append(SecurityElement.Escape(text)).Append("</w:t></w:r>");
        }
        return p.Append("</w:p>").ToString();
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }
}
