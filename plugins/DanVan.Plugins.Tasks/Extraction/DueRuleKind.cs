namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>How a deadline repeats.</summary>
internal enum DueRuleKind
{
    OneOff = 0,   // a single date (the year may be missing: "trước ngày 15/11")
    Yearly,       // hằng năm / hàng năm
    SemiAnnual,   // 6 tháng, sáu tháng đầu năm, định kỳ 6 tháng
    Quarterly,    // hằng quý
    Monthly,      // hằng tháng
    Weekly,       // hằng tuần
    Periodic,     // "định kỳ" with no period stated
}
