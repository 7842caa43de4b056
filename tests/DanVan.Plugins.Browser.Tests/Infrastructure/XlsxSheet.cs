using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DanVan.Plugins.Browser.Tests.Infrastructure;

/// <summary>
/// One worksheet of a saved .xlsx as texts by cell reference ("A5"), shared and inline strings
/// resolved, numbers as written; and a table inside it read by its header row, so a check names
/// the column as an officer reads it ("Quá hạn") rather than its letter.
/// </summary>
internal sealed partial class XlsxSheet
{
    private readonly Dictionary<string, string> _cells;

    private XlsxSheet(Dictionary<string, string> cells) => _cells = cells;

    public static XlsxSheet Open(string path, string sheetName)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().SingleOrDefault(s => s.Name == sheetName)
            ?? throw new InvalidOperationException($"The workbook has no sheet \"{sheetName}\".");
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cell in part.Worksheet.Descendants<Cell>())
        {
            cells[cell.CellReference!.Value!] = cell.DataType?.Value == CellValues.SharedString
                ? shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)]
                : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? string.Empty;
        }

        return new XlsxSheet(cells);
    }

    public string this[string reference] => _cells.GetValueOrDefault(reference, string.Empty);

    /// <summary>Every non-empty text of the sheet.</summary>
    public IEnumerable<string> Texts => _cells.Values.Where(v => v.Length > 0);

    /// <summary>
    /// The table whose header row holds all of <paramref name="headers"/>: each row below it (until
    /// the first row without a cell under the first header) as header text → cell text.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Table(params string[] headers)
    {
        var rows = _cells.Keys.Select(RowOf).Distinct().Order().ToList();
        foreach (var row in rows)
        {
            var columns = _cells.Where(c => RowOf(c.Key) == row).GroupBy(c => c.Value, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => ColumnOf(g.First().Key), StringComparer.Ordinal);
            if (!headers.All(columns.ContainsKey))
            {
                continue;
            }

            var table = new List<IReadOnlyDictionary<string, string>>();
            for (var below = row + 1; _cells.ContainsKey(columns[headers[0]] + below.ToString(CultureInfo.InvariantCulture)); below++)
            {
                var line = below.ToString(CultureInfo.InvariantCulture);
                table.Add(columns.ToDictionary(c => c.Key, c => this[c.Value + line], StringComparer.Ordinal));
            }

            return table;
        }

        throw new InvalidOperationException($"No row of the sheet has the headers {string.Join(", ", headers)}.");
    }

    private static int RowOf(string reference) => int.Parse(Reference().Match(reference).Groups[2].Value, CultureInfo.InvariantCulture);

    private static string ColumnOf(string reference) => Reference().Match(reference).Groups[1].Value;

    [GeneratedRegex("^([A-Z]+)([0-9]+)$")]
    private static partial Regex Reference();
}
