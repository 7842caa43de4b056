using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DanVan.Plugins.Tasks.Tests.Export;

/// <summary>Reads a produced .xlsx back with DocumentFormat.OpenXml: each sheet's cells by reference, as text.</summary>
internal sealed class Xlsx
{
    private readonly Dictionary<string, Dictionary<string, string>> sheets = new(StringComparer.Ordinal);

    public Xlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable;
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var cell in part.Worksheet.Descendants<Cell>())
            {
                cells[cell.CellReference!] = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText
                    : cell.DataType?.Value == CellValues.SharedString ? shared!.ElementAt(int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).InnerText
                    : cell.CellValue?.Text ?? string.Empty;
            }

            sheets[sheet.Name!] = cells;
            Merges[sheet.Name!] = [.. part.Worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!)];
        }

        SheetNames = [.. sheets.Keys];
    }

    public IReadOnlyList<string> SheetNames { get; }

    public Dictionary<string, List<string>> Merges { get; } = new(StringComparer.Ordinal);

    public string this[string sheet, string reference] => sheets[sheet].GetValueOrDefault(reference, string.Empty);

    /// <summary>A row's cells A.. as text.</summary>
    public IReadOnlyList<string> Row(string sheet, int row, int columns = 9) =>
        [.. Enumerable.Range(0, columns).Select(i => this[sheet, ((char)('A' + i)).ToString() + row.ToString(System.Globalization.CultureInfo.InvariantCulture)])];

    public int RowCount(string sheet) => sheets[sheet].Keys.Select(k => int.Parse(k.TrimStart('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'), System.Globalization.CultureInfo.InvariantCulture)).Max();
}
