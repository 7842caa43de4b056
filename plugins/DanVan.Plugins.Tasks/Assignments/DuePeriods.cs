using System.Globalization;
using DanVan.Plugins.Tasks.Extraction;

namespace DanVan.Plugins.Tasks.Assignments;

/// <summary>
/// Turns a due rule into the periods to assign: a one-off rule gives one period; a recurring rule
/// gives the period containing today and the next one (generated ahead, so units see what is coming).
/// A missing day means the last day of the month; a yearly rule without a month, 31/12.
/// </summary>
internal static class DuePeriods
{
    public const string OnceKey = "mot-lan";

    public static IReadOnlyList<DuePeriod> Plan(DueRule? rule, DateOnly today)
    {
        var c = CultureInfo.InvariantCulture;
        switch (rule?.Kind)
        {
            case null:
                return [new DuePeriod(OnceKey, null)];
            case DueRuleKind.OneOff:
                var year = rule.Year ?? today.Year;
                var month = rule.Month ?? 12;
                return [new DuePeriod(year.ToString(c), Day(year, month, rule.Day))];
            case DueRuleKind.Yearly:
                return [.. Enumerable.Range(today.Year, 2).Select(y => new DuePeriod(y.ToString(c), Day(y, rule.Month ?? 12, rule.Month is null ? null : rule.Day)))];
            case DueRuleKind.SemiAnnual:
                return Periodic(rule, today, 6, (y, i) => string.Create(c, $"{y}-H{i}"));
            case DueRuleKind.Quarterly:
                return Periodic(rule, today, 3, (y, i) => string.Create(c, $"{y}-Q{i}"));
            case DueRuleKind.Monthly:
                return Periodic(rule, today, 1, (y, i) => string.Create(c, $"{y}-{i:00}"));
            default:
                // Weekly or "định kỳ" without a date: one open assignment for the year, the officer sets dates.
                return [new DuePeriod(today.Year.ToString(c), null)];
        }
    }

    private static DuePeriod[] Periodic(DueRule rule, DateOnly today, int length, Func<int, int, string> key)
    {
        var index = (today.Month - 1) / length; // 0-based period of the year containing today
        return [.. Enumerable.Range(index, 2).Select(i =>
        {
            var year = today.Year + (i / (12 / length));
            var number = (i % (12 / length)) + 1;
            var firstMonth = ((number - 1) * length) + 1;
            // PeriodMonth counts from the period's first month (one past the length: the next period's first month); none stated: the last month.
            var monthIndex = firstMonth - 1 + ((rule.PeriodMonth ?? length) - 1);
            return new DuePeriod(key(year, number), Day(year + (monthIndex / 12), (monthIndex % 12) + 1, rule.Day));
        })];
    }

    private static DateOnly Day(int year, int month, int? day)
    {
        var last = DateTime.DaysInMonth(year, month);
        return new DateOnly(year, month, Math.Min(day ?? last, last));
    }
}
