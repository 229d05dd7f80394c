using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace OneWindow.Web.Modules.Open311;

/// <summary>A value in an Open311 answer: a scalar (text, number, truth, instant or nothing), a record of named fields, or a list of items.</summary>
public abstract record Open311Node;

public sealed record Open311Scalar(object? Value) : Open311Node;

public sealed record Open311Record(IReadOnlyList<KeyValuePair<string, Open311Node>> Fields) : Open311Node
{
    public static Open311Record Of(params (string Name, object? Value)[] fields) =>
        new([.. fields.Select(f => new KeyValuePair<string, Open311Node>(f.Name, f.Value as Open311Node ?? new Open311Scalar(f.Value)))]);
}

/// <summary>A list whose items are elements named <see cref="ItemName"/> in XML (<c>&lt;services&gt;&lt;service&gt;…</c>) and an array in JSON.</summary>
public sealed record Open311List(string ItemName, IReadOnlyList<Open311Node> Items) : Open311Node;

/// <summary>
/// One answer of the Open311 API in either format, mapped as the spec says (the Spark convention): the XML's root
/// element is the JSON's top value, a list of <c>&lt;service&gt;</c> elements is an array, a record an object, an
/// empty or absent value an empty element and <c>null</c>. Instants are W3C date-times with their offset (Beijing
/// time, +08:00); numbers and truth values are written as such in JSON and as text in XML.
/// </summary>
public sealed record Open311Document(string Root, Open311Node Body)
{
    public const string JsonType = "application/json; charset=utf-8";
    public const string XmlType = "text/xml; charset=utf-8";

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static string Instant(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Beijing).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public byte[] Write(bool xml) => xml ? WriteXml() : WriteJson();

    private byte[] WriteJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false }))
        {
            Json(w, Body);
        }
        return buffer.ToArray();
    }

    private static void Json(Utf8JsonWriter w, Open311Node node)
    {
        switch (node)
        {
            case Open311Record r:
                w.WriteStartObject();
                foreach (var (name, value) in r.Fields)
                {
                    w.WritePropertyName(name);
                    Json(w, value);
                }
                w.WriteEndObject();
                break;
            case Open311List l:
                w.WriteStartArray();
                foreach (var item in l.Items)
                {
                    Json(w, item);
                }
                w.WriteEndArray();
                break;
            case Open311Scalar { Value: null }:
                w.WriteNullValue();
                break;
            case Open311Scalar { Value: bool b }:
                w.WriteBooleanValue(b);
                break;
            case Open311Scalar { Value: int i }:
                w.WriteNumberValue(i);
                break;
            case Open311Scalar { Value: double d }:
                w.WriteNumberValue(d);
                break;
            case Open311Scalar { Value: DateTime t }:
                w.WriteStringValue(Instant(t));
                break;
            case Open311Scalar s:
                w.WriteStringValue(Convert.ToString(s.Value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private byte[] WriteXml()
    {
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CheckCharacters = true }))
        {
            w.WriteStartDocument();
            w.WriteStartElement(Root);
            Xml(w, Body);
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void Xml(XmlWriter w, Open311Node node)
    {
        switch (node)
        {
            case Open311Record r:
                foreach (var (name, value) in r.Fields)
                {
                    w.WriteStartElement(name);
                    Xml(w, value);
                    w.WriteEndElement();
                }
                break;
            case Open311List l:
                foreach (var item in l.Items)
                {
                    w.WriteStartElement(l.ItemName);
                    Xml(w, item);
                    w.WriteEndElement();
                }
                break;
            case Open311Scalar { Value: null }:
                break;
            case Open311Scalar { Value: bool b }:
                w.WriteString(b ? "true" : "false");
                break;
            case Open311Scalar { Value: DateTime t }:
                w.WriteString(Instant(t));
                break;
            case Open311Scalar { Value: double d }:
                w.WriteString(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case Open311Scalar s:
                w.WriteString(XmlText(Convert.ToString(s.Value, CultureInfo.InvariantCulture) ?? ""));
                break;
        }
    }

    /// <summary>A text without the characters XML 1.0 cannot carry (control characters a stored text may hold).</summary>
    private static string XmlText(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : new string([.. text.Where(XmlConvert.IsXmlChar)]);
}
