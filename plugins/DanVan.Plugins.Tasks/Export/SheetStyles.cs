using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DanVan.Plugins.Tasks.Export;

/// <summary>
/// The workbook's few styles (Times New Roman, as administrative documents are printed): the indexes
/// below are positions in <see cref="Create"/>'s CellFormats.
/// </summary>
internal static class SheetStyles
{
    public const uint Normal = 0;
    public const uint BodyBold = 1;
    public const uint BodyCentered = 2;
    public const uint ItalicCentered = 3;
    public const uint Title = 4;
    public const uint TableHeader = 5;
    public const uint Text = 6;
    public const uint Number = 7;
    public const uint Percent = 8;
    public const uint BoldText = 9;
    public const uint BoldNumber = 10;
    public const uint BoldPercent = 11;
    public const uint CenteredText = 12;
    public const uint Italic = 13;

    /// <summary>Text indented one level per depth (0..3), for units under their parents.</summary>
    public static uint Indented(int depth) => depth <= 0 ? Text : 13 + (uint)Math.Min(depth, 3);

    private const uint PercentFormat = 164;

    public static Stylesheet Create()
    {
        var fonts = new Fonts(
            Font(bold: false, italic: false, size: 12),
            Font(bold: true, italic: false, size: 12),
            Font(bold: false, italic: true, size: 12),
            Font(bold: true, italic: false, size: 14));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder { Style = BorderStyleValues.Thin },
                new RightBorder { Style = BorderStyleValues.Thin },
                new TopBorder { Style = BorderStyleValues.Thin },
                new BottomBorder { Style = BorderStyleValues.Thin },
                new DiagonalBorder()));
        var formats = new CellFormats(
            Format(0, 0, null),                                                    // Normal
            Format(1, 0, Align(HorizontalAlignmentValues.Center)),                // BodyBold
            Format(0, 0, Align(HorizontalAlignmentValues.Center)),                // BodyCentered
            Format(2, 0, Align(HorizontalAlignmentValues.Center)),                // ItalicCentered
            Format(3, 0, Align(HorizontalAlignmentValues.Center, wrap: true)),    // Title
            Format(1, 1, Align(HorizontalAlignmentValues.Center, wrap: true)),    // TableHeader
            Format(0, 1, Align(HorizontalAlignmentValues.Left, wrap: true)),      // Text
            Format(0, 1, Align(HorizontalAlignmentValues.Right)),                 // Number
            Format(0, 1, Align(HorizontalAlignmentValues.Right), PercentFormat),  // Percent
            Format(1, 1, Align(HorizontalAlignmentValues.Left, wrap: true)),      // BoldText
            Format(1, 1, Align(HorizontalAlignmentValues.Right)),                 // BoldNumber
            Format(1, 1, Align(HorizontalAlignmentValues.Right), PercentFormat),  // BoldPercent
            Format(0, 1, Align(HorizontalAlignmentValues.Center, wrap: true)),    // CenteredText
            Format(2, 0, Align(HorizontalAlignmentValues.Left, wrap: true)),      // Italic
            Format(0, 1, Align(HorizontalAlignmentValues.Left, wrap: true, indent: 1)),
            Format(0, 1, Align(HorizontalAlignmentValues.Left, wrap: true, indent: 2)),
            Format(0, 1, Align(HorizontalAlignmentValues.Left, wrap: true, indent: 3)));
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = PercentFormat, FormatCode = "0.0%" }) { Count = 1 },
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat()),
            formats);
    }

    private static Font Font(bool bold, bool italic, double size)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        if (italic)
        {
            font.Append(new Italic());
        }

        font.Append(new FontSize { Val = size }, new FontName { Val = "Times New Roman" });
        return font;
    }

    private static Alignment Align(HorizontalAlignmentValues horizontal, bool wrap = false, uint indent = 0)
    {
        var alignment = new Alignment { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Center, WrapText = wrap };
        if (indent > 0)
        {
            alignment.Indent = indent;
        }

        return alignment;
    }

    private static CellFormat Format(uint font, uint border, Alignment? alignment, uint numberFormat = 0)
    {
        var format = new CellFormat
        {
            FontId = font,
            FillId = 0,
            BorderId = border,
            NumberFormatId = numberFormat,
            FormatId = 0,
            ApplyFont = font != 0,
            ApplyBorder = border != 0,
            ApplyNumberFormat = numberFormat != 0,
        };
        if (alignment is not null)
        {
            format.Append(alignment);
            format.ApplyAlignment = true;
        }

        return format;
    }
}
