using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DanVan.Plugins.Tasks.Export;

/// <summary>Cells by reference ("B9"): inline text (no shared-string table to keep in step) and numbers.</summary>
internal static class Cells
{
    public static Cell Text(string column, uint row, string text, uint style) => new()
    {
        CellReference = column + row.ToString(CultureInfo.InvariantCulture),
        DataType = CellValues.InlineString,
        StyleIndex = style,
        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
    };

    public static Cell Number(string column, uint row, double value, uint style) => new()
    {
        CellReference = column + row.ToString(CultureInfo.InvariantCulture),
        DataType = CellValues.Number,
        StyleIndex = style,
        CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture)),
    };

    public static Cell Empty(string column, uint row, uint style) => new()
    {
        CellReference = column + row.ToString(CultureInfo.InvariantCulture),
        StyleIndex = style,
    };

    /// <summary>Column letters for 1-based indexes up to 26 (the sheets are narrower).</summary>
    public static string Column(int index) => ((char)('A' + index - 1)).ToString();
}
