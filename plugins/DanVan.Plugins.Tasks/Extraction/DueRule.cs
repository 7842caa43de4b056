using System.Globalization;

namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// A deadline as a rule, not a date: "trước ngày 15 tháng 11 hằng năm" is Yearly(day 15, month 11),
/// "trước ngày 20 của tháng cuối quý" is Quarterly(day 20, period month 3), "định kỳ" alone is
/// Periodic. Month is a calendar month (OneOff, Yearly); PeriodMonth is the month counted from the
/// start of the period (SemiAnnual 1..6, Quarterly 1..3, Monthly 1), where one past the period's
/// length means the first month of the next period ("tháng đầu quý sau" = 4, "tháng sau" = 2).
/// A null Day means the end of that month, or no day stated.
/// </summary>
internal sealed record DueRule(DueRuleKind Kind, int? Day = null, int? Month = null, int? Year = null, int? PeriodMonth = null)
{
    public static DueRule OneOff(int day, int month, int? year) => new(DueRuleKind.OneOff, day, month, year);

    public static DueRule EndOfMonth(int month, int? year) => new(DueRuleKind.OneOff, null, month, year);

    public static DueRule Yearly(int? day = null, int? month = null) => new(DueRuleKind.Yearly, day, month);

    public static DueRule SemiAnnual(int? day = null, int? periodMonth = null) => new(DueRuleKind.SemiAnnual, day, null, null, periodMonth);

    public static DueRule Quarterly(int? day = null, int? periodMonth = null) => new(DueRuleKind.Quarterly, day, null, null, periodMonth);

    public static DueRule Monthly(int? day = null, int? periodMonth = null) => new(DueRuleKind.Monthly, day, null, null, periodMonth);

    public static DueRule Weekly() => new(DueRuleKind.Weekly);

    public static DueRule Periodic() => new(DueRuleKind.Periodic);

    /// <summary>The rule in Vietnamese, for the officer reviewing the draft.</summary>
    public string Describe()
    {
        var c = CultureInfo.InvariantCulture;
        string DayPart() => Day is { } d ? string.Create(c, $"trước ngày {d:00}") : "trong";
        return Kind switch
        {
            DueRuleKind.OneOff when Month is { } m => Year is { } y
                ? (Day is { } d ? string.Create(c, $"trước ngày {d:00}/{m:00}/{y}") : string.Create(c, $"trong tháng {m:00}/{y}"))
                : (Day is { } d2 ? string.Create(c, $"trước ngày {d2:00}/{m:00} (chưa rõ năm)") : string.Create(c, $"trong tháng {m:00} (chưa rõ năm)")),
            DueRuleKind.Yearly when Month is { } m => string.Create(c, $"{DayPart()} tháng {m:00} hằng năm"),
            DueRuleKind.Yearly => "hằng năm (chưa rõ ngày)",
            DueRuleKind.SemiAnnual when PeriodMonth is { } pm => string.Create(c, $"{DayPart()} {PeriodMonthName(pm, 6, "kỳ 6 tháng")} (6 tháng một lần)"),
            DueRuleKind.SemiAnnual => "6 tháng một lần (chưa rõ ngày)",
            DueRuleKind.Quarterly when PeriodMonth is { } pm => string.Create(c, $"{DayPart()} {PeriodMonthName(pm, 3, "quý")} (hằng quý)"),
            DueRuleKind.Quarterly => "hằng quý (chưa rõ ngày)",
            DueRuleKind.Monthly when Day is { } d => PeriodMonth == 2 ? string.Create(c, $"trước ngày {d:00} tháng sau (hằng tháng)") : string.Create(c, $"trước ngày {d:00} hằng tháng"),
            DueRuleKind.Monthly => "hằng tháng (chưa rõ ngày)",
            DueRuleKind.Weekly => "hằng tuần",
            _ => "định kỳ (chưa rõ thời hạn)",
        };
    }

    private static string PeriodMonthName(int periodMonth, int length, string period) =>
        periodMonth == length ? $"của tháng cuối {period}"
        : periodMonth == 1 ? $"của tháng đầu {period}"
        : periodMonth == length + 1 ? $"của tháng đầu {period} sau"
        : string.Create(CultureInfo.InvariantCulture, $"của tháng thứ {periodMonth} trong {period}");
}
