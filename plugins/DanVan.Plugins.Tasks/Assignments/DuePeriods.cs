using System.Globalization;
using DanVan.Plugins.Tasks.Extraction;

namespace DanVan.Plugins.Tasks.Assignments;

/// <summary>
/// Turns a due rule into the periods to assign: a one-off rule gives one period; a recurring rule
/// gives the period containing today and the next one (generated ahead, so units see what is coming;
/// <see cref="PeriodGenerator"/> keeps it so every night). A period whose due date has already passed
/// today is left out, so nothing is overdue on the day it is created: a yearly 15/11 confirmed on
/// 05/12/2026 starts with 2027. A missing day means the last day of the month; a yearly rule without a
/// month, 31/12; a one-off day-month without a year, this year's date, or next year's once it has passed.
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
                var month = rule.Month ?? 12;
                var year = rule.Year ?? (Day(today.Year, month, rule.Day) < today ? today.Year + 1 : today.Year);
                return [new DuePeriod(year.ToString(c), Day(year, month, rule.Day))];
            case DueRuleKind.Yearly:
                return Upcoming([.. Enumerable.Range(today.Year, 2).Select(y => new DuePeriod(y.ToString(c), Day(y, rule.Month ?? 12, rule.Month is null ? null : rule.Day)))], today);
            case DueRuleKind.SemiAnnual:
                return Upcoming(Periodic(rule, today, 6, (y, i) => string.Create(c, $"{y}-H{i}")), today);
            case DueRuleKind.Quarterly:
                return Upcoming(Periodic(rule, today, 3, (y, i) => string.Create(c, $"{y}-Q{i}")), today);
            case DueRuleKind.Monthly:
                return Upcoming(Periodic(rule, today, 1, (y, i) => string.Create(c, $"{y}-{i:00}")), today);
            default:
                // Weekly or "định kỳ" without a date: one open assignment for the year, the officer sets dates.
                return [new DuePeriod(today.Year.ToString(c), null)];
        }
    }

    /// <summary>Whether the rule recurs by period, so later periods are generated as time goes on.</summary>
    public static bool Recurs(DueRuleKind? kind) => kind is DueRuleKind.Yearly or DueRuleKind.SemiAnnual or DueRuleKind.Quarterly or DueRuleKind.Monthly;

    // The next period's due date is always after today, so at least one period remains.
    private static DuePeriod[] Upcoming(DuePeriod[] periods, DateOnly today) => [.. periods.Where(p => p.Due is not { } due || due >= today)];

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
