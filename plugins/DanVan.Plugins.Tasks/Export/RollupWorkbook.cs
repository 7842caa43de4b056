using System.Globalization;
using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Rollup;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DanVan.Plugins.Tasks.Export;

/// <summary>
/// The .xlsx an officer attaches to a report: sheet "Tổng hợp" with the heading block, the title,
/// the filter in words, one row per unit (nested units numbered 1, 1.1, 1.2 … and indented, each
/// row counting its subtree) and the totals; sheet "Chi tiết" with one row per assignment, written
/// as a stream so a province-wide list does not sit in memory as a document tree.
/// </summary>
internal static class RollupWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Title = "BÁO CÁO TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ";
    public const string SummarySheet = "Tổng hợp";
    public const string DetailSheet = "Chi tiết";
    private const string Motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    private const string Slogan = "Độc lập - Tự do - Hạnh phúc";
    private const uint TableHeaderRow = 8;

    public static readonly string[] SummaryHeaders =
        ["STT", "Đơn vị", "Tổng số", "Chưa đến hạn", "Trong hạn", "Quá hạn", "Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Tỉ lệ hoàn thành"];

    public static readonly string[] DetailHeaders =
        ["STT", "Đơn vị", "Văn bản", "Mục", "Nội dung", "Kỳ", "Hạn", "Trạng thái", "Ngày hoàn thành"];

    public static void Write(Stream output, ReportHeading heading, string filterText, RollupResult result, IReadOnlyList<AssignmentDetail> detail, bool truncated)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(heading);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(detail);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = SheetStyles.Create();
        styles.Stylesheet.Save();

        var summary = workbook.AddNewPart<WorksheetPart>();
        summary.Worksheet = Summary(heading, filterText, result);
        summary.Worksheet.Save();
        var details = workbook.AddNewPart<WorksheetPart>();
        WriteDetail(details, detail, truncated);

        workbook.Workbook.AppendChild(new Sheets(
            new Sheet { Id = workbook.GetIdOfPart(summary), SheetId = 1, Name = SummarySheet },
            new Sheet { Id = workbook.GetIdOfPart(details), SheetId = 2, Name = DetailSheet }));
        workbook.Workbook.Save();
    }

    private static Worksheet Summary(ReportHeading heading, string filterText, RollupResult result)
    {
        var data = new SheetData();
        var merges = new MergeCells();
        Row(data, 1, Cells.Text("A", 1, heading.ParentBody.ToUpperInvariant(), SheetStyles.BodyCentered), Cells.Text("E", 1, Motto, SheetStyles.BodyBold));
        Row(data, 2, Cells.Text("A", 2, heading.Body.ToUpperInvariant(), SheetStyles.BodyBold), Cells.Text("E", 2, Slogan, SheetStyles.BodyBold));
        Row(data, 3, Cells.Text("E", 3, heading.PlaceAndDate, SheetStyles.ItalicCentered));
        Row(data, 5, Cells.Text("A", 5, Title, SheetStyles.Title));
        Row(data, 6, Cells.Text("A", 6, "(" + filterText + ")", SheetStyles.ItalicCentered));
        foreach (var range in new[] { "A1:C1", "E1:I1", "A2:C2", "E2:I2", "E3:I3", "A5:I5", "A6:I6" })
        {
            merges.Append(new MergeCell { Reference = range });
        }

        var header = new Row { RowIndex = TableHeaderRow };
        for (var i = 0; i < SummaryHeaders.Length; i++)
        {
            header.Append(Cells.Text(Cells.Column(i + 1), TableHeaderRow, SummaryHeaders[i], SheetStyles.TableHeader));
        }

        data.Append(header);
        var rowIndex = TableHeaderRow;
        foreach (var (line, number) in Numbered(result.Units))
        {
            rowIndex++;
            data.Append(CountsRow(rowIndex, number, line.Name, line.Counts, SheetStyles.Indented(line.Depth), bold: false));
        }

        rowIndex++;
        data.Append(CountsRow(rowIndex, string.Empty, "Tổng cộng", result.Total, SheetStyles.BoldText, bold: true));
        rowIndex += 2;
        Row(data, rowIndex, Cells.Text("A", rowIndex, "Ghi chú: số liệu của mỗi đơn vị gồm cả các đơn vị trực thuộc; việc của đơn vị đã giải thể được tính cho đơn vị kế thừa.", SheetStyles.Italic));
        merges.Append(new MergeCell { Reference = string.Create(CultureInfo.InvariantCulture, $"A{rowIndex}:I{rowIndex}") });

        var worksheet = new Worksheet(
            new Columns(
                Width(1, 1, 7), Width(2, 2, 42), Width(3, 3, 10), Width(4, 8, 13), Width(9, 9, 13)),
            data,
            merges,
            new PageMargins { Left = 0.6, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new PageSetup { Orientation = OrientationValues.Landscape, PaperSize = 9 });
        return worksheet;
    }

    private static Row CountsRow(uint rowIndex, string number, string name, StatusCounts counts, uint nameStyle, bool bold)
    {
        var numberStyle = bold ? SheetStyles.BoldNumber : SheetStyles.Number;
        var row = new Row { RowIndex = rowIndex };
        row.Append(Cells.Text("A", rowIndex, number, SheetStyles.CenteredText), Cells.Text("B", rowIndex, name, nameStyle), Cells.Number("C", rowIndex, counts.Total, numberStyle));
        var column = 4;
        foreach (var status in StatusCounts.Order)
        {
            row.Append(Cells.Number(Cells.Column(column++), rowIndex, counts[status], numberStyle));
        }

        row.Append(counts.CompletionRate is { } rate
            ? Cells.Number("I", rowIndex, Math.Round(rate, 4), bold ? SheetStyles.BoldPercent : SheetStyles.Percent)
            : Cells.Text("I", rowIndex, "–", SheetStyles.CenteredText));
        return row;
    }

    private static void WriteDetail(WorksheetPart part, IReadOnlyList<AssignmentDetail> detail, bool truncated)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new Columns(Width(1, 1, 7), Width(2, 2, 32), Width(3, 3, 34), Width(4, 4, 7), Width(5, 5, 60), Width(6, 6, 10), Width(7, 7, 12), Width(8, 8, 20), Width(9, 9, 15)));
        writer.WriteStartElement(new SheetData());
        var header = new Row { RowIndex = 1 };
        for (var i = 0; i < DetailHeaders.Length; i++)
        {
            header.Append(Cells.Text(Cells.Column(i + 1), 1, DetailHeaders[i], SheetStyles.TableHeader));
        }

        writer.WriteElement(header);
        var c = CultureInfo.InvariantCulture;
        uint rowIndex = 1;
        foreach (var a in detail)
        {
            rowIndex++;
            var basis = a.DocumentTitle.Length > 0 ? a.DocumentTitle : a.DocumentCode.Length > 0 ? a.DocumentCode : a.DocumentId;
            writer.WriteElement(new Row(
                Cells.Number("A", rowIndex, rowIndex - 1, SheetStyles.CenteredText),
                Cells.Text("B", rowIndex, a.UnitName, SheetStyles.Text),
                Cells.Text("C", rowIndex, basis, SheetStyles.Text),
                Cells.Text("D", rowIndex, a.ItemPath, SheetStyles.CenteredText),
                Cells.Text("E", rowIndex, a.Content, SheetStyles.Text),
                Cells.Text("F", rowIndex, a.PeriodKey == DuePeriods.OnceKey ? "một lần" : a.PeriodKey, SheetStyles.CenteredText),
                Cells.Text("G", rowIndex, a.DueDate is { } due ? due.ToString("dd/MM/yyyy", c) : "chưa có hạn", SheetStyles.CenteredText),
                Cells.Text("H", rowIndex, AssignmentStatuses.Label((AssignmentStatus)a.Status), SheetStyles.Text),
                Cells.Text("I", rowIndex, a.State == 1 && a.CompletedAt is { } done ? AssignmentStatuses.DayOf(done).ToString("dd/MM/yyyy", c) : string.Empty, SheetStyles.CenteredText))
            { RowIndex = rowIndex });
        }

        if (truncated)
        {
            rowIndex += 2;
            writer.WriteElement(new Row(Cells.Text("B", rowIndex, string.Create(c, $"Danh sách chỉ gồm {detail.Count:N0} lượt việc đầu tiên; hãy lọc hẹp hơn (năm, văn bản, đơn vị) để xuất phần còn lại.").Replace(',', '.'), SheetStyles.Italic)) { RowIndex = rowIndex });
        }

        writer.WriteEndElement(); // SheetData
        writer.WriteEndElement(); // Worksheet
    }

    /// <summary>Depth-first lines numbered as officers number nested lists: 1, 1.1, 1.2, 2 …</summary>
    public static IEnumerable<(UnitLine Line, string Number)> Numbered(IReadOnlyList<UnitLine> lines)
    {
        var counters = new List<int>();
        foreach (var line in lines)
        {
            while (counters.Count > line.Depth + 1)
            {
                counters.RemoveAt(counters.Count - 1);
            }

            while (counters.Count < line.Depth + 1)
            {
                counters.Add(0);
            }

            counters[line.Depth]++;
            yield return (line, string.Join('.', counters.Select(n => n.ToString(CultureInfo.InvariantCulture))));
        }
    }

    private static void Row(SheetData data, uint index, params Cell[] cells) => data.Append(new Row(cells) { RowIndex = index });

    private static Column Width(uint from, uint to, double width) => new() { Min = from, Max = to, Width = width, CustomWidth = true };
}
