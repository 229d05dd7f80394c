using System.Globalization;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// Text a spreadsheet would run as a formula when the file is opened (CSV or formula injection, OWASP): a cell
/// starting with =, +, -, @, a tab or a carriage return is written with a leading apostrophe, which Excel, WPS and
/// LibreOffice show as text. A plain number (-5, +3.5) is left as it is: it is a number, not a formula. A text that
/// already starts with apostrophes before such a character gets one more, so that <see cref="Restore"/> undoes
/// exactly what <see cref="Neutralize"/> did and an export read back gives the same texts.
/// </summary>
public static class SpreadsheetCells
{
    private const string Triggers = "=+-@\t\r";

    /// <summary>The text as a cell of an exported file: with a leading apostrophe when a spreadsheet would evaluate it.</summary>
    public static string Neutralize(string text) => Dangerous(text) ? "'" + text : text;

    /// <summary>The text an exported cell was written from (the inverse of <see cref="Neutralize"/>).</summary>
    public static string Restore(string cell) => cell.Length > 1 && cell[0] == '\'' && Dangerous(cell[1..]) ? cell[1..] : cell;

    private static bool Dangerous(string text)
    {
        var rest = text.TrimStart('\'');
        return rest.Length > 0 && Triggers.Contains(rest[0], StringComparison.Ordinal)
            && !decimal.TryParse(rest, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
    }
}
