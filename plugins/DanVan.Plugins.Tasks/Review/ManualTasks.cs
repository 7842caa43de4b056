using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Extraction;

namespace DanVan.Plugins.Tasks.Review;

/// <summary>
/// Tasks an officer adds by hand to a document (the draft missed them, or found no items). The lead unit
/// owes the work; the path is "tc-" and a hash of the content, so the same task sent twice (a double click,
/// a retried call) is created once, as an item confirmed twice is.
/// </summary>
internal static class ManualTasks
{
    public const string PathPrefix = "tc-";

    public static string PathOf(string content)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(content.Trim().Normalize(NormalizationForm.FormC)));
        return PathPrefix + Convert.ToHexStringLower(hash.AsSpan(0, 5));
    }

    public static PlannedTask Plan(string content, OrgUnit lead, IReadOnlyList<OrgUnit> cooperating, DueRule? due, DateOnly today) => new(
        PathOf(content),
        content.Trim(),
        lead,
        [.. cooperating.Where(c => c.Id != lead.Id).DistinctBy(c => c.Id)],
        null,
        null,
        due,
        [lead],
        DuePeriods.Plan(due, today),
        []);

    /// <summary>
    /// A deadline as the review page's field takes it: "30/11/2026" once; "15/11" (optionally "15/11 hằng năm") every year;
    /// empty for none. Null with <paramref name="valid"/> false when it reads as neither.
    /// </summary>
    public static DueRule? ParseDue(string? text, out bool valid)
    {
        valid = true;
        var value = (text ?? string.Empty).Trim();
        if (value.Length == 0)
        {
            return null;
        }

        if (Tabs.FormValues.Parse(value) is { } date)
        {
            return DueRule.OneOff(date.Day, date.Month, date.Year);
        }

        var dayMonth = value.Normalize(NormalizationForm.FormC);
        foreach (var suffix in new[] { "hằng năm", "hàng năm" })
        {
            if (dayMonth.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                dayMonth = dayMonth[..^suffix.Length].Trim();
            }
        }

        var parts = dayMonth.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2024, month))
        {
            return DueRule.Yearly(day, month);
        }

        valid = false;
        return null;
    }
}
