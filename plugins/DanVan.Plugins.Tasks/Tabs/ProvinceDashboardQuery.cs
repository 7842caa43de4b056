using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Rollup;
using Microsoft.AspNetCore.Http;

namespace DanVan.Plugins.Tasks.Tabs;

/// <summary>
/// The dashboard's filter as it travels in the query string (GET form, drill-down links, the export
/// link): nam, ky, van-ban, trang-thai, don-vi. No "nam" at all means this year; an empty one, every year.
/// Bad values are refused with the field named, in Vietnamese.
/// </summary>
internal static partial class ProvinceDashboardQuery
{
    public const string Year = "nam";
    public const string Period = "ky";
    public const string Document = "van-ban";
    public const string Status = "trang-thai";
    public const string Unit = "don-vi";

    public static IReadOnlyList<(AssignmentStatus Status, string Slug)> StatusSlugs { get; } =
    [
        (AssignmentStatus.NotDue, "chua-den-han"),
        (AssignmentStatus.DueSoon, "trong-han"),
        (AssignmentStatus.Overdue, "qua-han"),
        (AssignmentStatus.CompletedOnTime, "hoan-thanh-dung-han"),
        (AssignmentStatus.CompletedLate, "hoan-thanh-qua-han"),
    ];

    /// <summary>The filter, or the Vietnamese reason it cannot be read.</summary>
    public static (RollupFilter? Filter, string? Error) Parse(IQueryCollection query, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(query);
        int? year = today.Year;
        if (query.TryGetValue(Year, out var yearText))
        {
            var text = yearText.ToString().Trim();
            if (text.Length == 0)
            {
                year = null;
            }
            else if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100)
            {
                year = y;
            }
            else
            {
                return (null, $"Năm “{Clip(text)}” không hợp lệ: hãy chọn một năm từ 2000 đến 2100, hoặc “Tất cả các năm”.");
            }
        }

        var period = query[Period].ToString().Trim();
        if (period.Length > 0 && !PeriodKey().IsMatch(period))
        {
            return (null, $"Kỳ “{Clip(period)}” không hợp lệ: kỳ viết như 2026, 2026-Q4, 2026-H2, 2026-11 hoặc mot-lan.");
        }

        AssignmentStatus? status = null;
        var statusText = query[Status].ToString().Trim();
        if (statusText.Length > 0)
        {
            var match = StatusSlugs.FirstOrDefault(s => s.Slug == statusText);
            if (match.Slug is null)
            {
                return (null, $"Trạng thái “{Clip(statusText)}” không hợp lệ: chọn chưa đến hạn, trong hạn, quá hạn, hoàn thành đúng hạn hoặc hoàn thành quá hạn.");
            }

            status = match.Status;
        }

        var document = query[Document].ToString().Trim();
        var unit = query[Unit].ToString().Trim();
        if (document.Length > 200 || unit.Length > 200)
        {
            return (null, "Mã văn bản hoặc mã đơn vị quá dài.");
        }

        return (new RollupFilter(year, period.Length > 0 ? period : null, document.Length > 0 ? document : null, status, unit.Length > 0 ? unit : null), null);
    }

    /// <summary>The query string (without "?") for a filter, so links and the export keep it; "nam" always present.</summary>
    public static string ToQuery(RollupFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new StringBuilder();
        Add(query, Year, filter.Year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        Add(query, Period, filter.PeriodKey);
        Add(query, Document, filter.DocumentId);
        Add(query, Status, filter.Status is { } s ? Slug(s) : null);
        Add(query, Unit, filter.UnitId);
        return query.ToString();
    }

    public static string Slug(AssignmentStatus status) => StatusSlugs.First(s => s.Status == status).Slug;

    private static void Add(StringBuilder query, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (query.Length > 0)
        {
            query.Append('&');
        }

        query.Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^(\d{4}(-(Q[1-4]|H[12]|(0[1-9]|1[0-2])))?|mot-lan)$")]
    private static partial Regex PeriodKey();
}
