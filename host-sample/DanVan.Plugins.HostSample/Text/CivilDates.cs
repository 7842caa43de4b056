using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.HostSample.Text;

/// <summary>danvan.host.v1 Date ⇄ DateOnly, and "today" in Vietnam (UTC+7).</summary>
internal static class CivilDates
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static Date ToProto(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static Date ToProto(int year, int month, int day) => ToProto(new DateOnly(year, month, day));

    /// <summary>The date, null when unset; a set but impossible date is INVALID_ARGUMENT on <paramref name="field"/>.</summary>
    public static DateOnly? Read(Date? date, string field)
    {
        if (date is null)
        {
            return null;
        }

        if (date.Year is < 1 or > 9999 || date.Month is < 1 or > 12 || date.Day < 1 || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            throw RichStatus.InvalidArgument($"{field} không phải là một ngày hợp lệ.",
                (field, $"Ngày {date.Day}/{date.Month}/{date.Year} không tồn tại; cần đủ năm, tháng, ngày hợp lệ."));
        }

        return new DateOnly(date.Year, date.Month, date.Day);
    }

    /// <summary>The date already known to be valid (seeded data), or null.</summary>
    public static DateOnly? Of(Date? date) => date is null ? null : new DateOnly(date.Year, date.Month, date.Day);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(VietnamOffset).DateTime);
}
