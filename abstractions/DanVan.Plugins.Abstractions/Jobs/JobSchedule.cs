using System.Globalization;

namespace DanVan.Plugins.Jobs;

/// <summary>
/// When a job runs: once, every fixed interval, or by a calendar rule (daily, monthly, quarterly,
/// yearly) at a time of day in a fixed UTC offset (+07:00, Việt Nam, unless given). A day past the
/// end of a month falls on the month's last day: monthly on the 31st runs on 30/04 and 28/02 (29/02
/// in leap years), and yearly on 29/02 runs on 28/02 in other years.
/// </summary>
/// <remarks>
/// The runtime stores a schedule as its <see cref="ToString"/> text and reads it back with
/// <see cref="Parse"/>. After downtime a calendar rule runs every occurrence it missed (each is a
/// period, e.g. a monthly roll-up), while an interval rule resumes at its next slot after now.
/// </remarks>
public sealed record JobSchedule
{
    /// <summary>Việt Nam's UTC offset, used when a calendar rule is given none.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private JobSchedule(JobScheduleKind kind)
    {
        Kind = kind;
    }

    /// <summary>The kind of rule.</summary>
    public JobScheduleKind Kind { get; }

    /// <summary>The instant of a one-off job, or the first slot of an interval rule (whole milliseconds).</summary>
    public DateTimeOffset Start { get; private init; }

    /// <summary>The interval of an interval rule.</summary>
    public TimeSpan Interval { get; private init; }

    /// <summary>The day of month (1..31) of a monthly, quarterly or yearly rule.</summary>
    public int Day { get; private init; }

    /// <summary>The month (1..12) of a yearly rule, or the month within the quarter (1..3) of a quarterly rule.</summary>
    public int Month { get; private init; }

    /// <summary>The local time of day of a calendar rule (whole seconds).</summary>
    public TimeOnly TimeOfDay { get; private init; }

    /// <summary>The UTC offset the calendar rule's days and time of day are in.</summary>
    public TimeSpan UtcOffset { get; private init; }

    /// <summary>Runs once at <paramref name="at"/> (at once if that is already past when scheduled).</summary>
    public static JobSchedule Once(DateTimeOffset at) => new(JobScheduleKind.Once) { Start = WholeMilliseconds(at) };

    /// <summary>Runs at <paramref name="start"/> and every <paramref name="interval"/> (at least one second) after.</summary>
    public static JobSchedule Every(TimeSpan interval, DateTimeOffset start)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.FromSeconds(1));
        if (interval.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException("The interval must be whole seconds.", nameof(interval));
        }

        return new(JobScheduleKind.Interval) { Start = WholeMilliseconds(start), Interval = interval };
    }

    /// <summary>Runs at <paramref name="start"/> and every <paramref name="minutes"/> minutes after.</summary>
    public static JobSchedule EveryMinutes(int minutes, DateTimeOffset start)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minutes, 1);
        return Every(TimeSpan.FromMinutes(minutes), start);
    }

    /// <summary>Runs at <paramref name="start"/> and every <paramref name="hours"/> hours after.</summary>
    public static JobSchedule EveryHours(int hours, DateTimeOffset start)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hours, 1);
        return Every(TimeSpan.FromHours(hours), start);
    }

    /// <summary>Runs every day at <paramref name="at"/>.</summary>
    public static JobSchedule Daily(TimeOnly at, TimeSpan? utcOffset = null) =>
        Calendar(JobScheduleKind.Daily, 1, 1, at, utcOffset);

    /// <summary>Runs every month on <paramref name="day"/> (1..31; the last day when the month is shorter) at <paramref name="at"/>.</summary>
    public static JobSchedule Monthly(int day, TimeOnly at, TimeSpan? utcOffset = null) =>
        Calendar(JobScheduleKind.Monthly, day, 1, at, utcOffset);

    /// <summary>
    /// Runs every quarter on <paramref name="day"/> of its <paramref name="monthOfQuarter"/>-th month
    /// (1..3; e.g. 1 = January, April, July, October) at <paramref name="at"/>.
    /// </summary>
    public static JobSchedule Quarterly(int day, int monthOfQuarter, TimeOnly at, TimeSpan? utcOffset = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(monthOfQuarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(monthOfQuarter, 3);
        return Calendar(JobScheduleKind.Quarterly, day, monthOfQuarter, at, utcOffset);
    }

    /// <summary>Runs every year on <paramref name="day"/>/<paramref name="month"/> at <paramref name="at"/>, e.g. <c>Yearly(15, 11, new(8, 0))</c> for 15/11 hằng năm.</summary>
    public static JobSchedule Yearly(int day, int month, TimeOnly at, TimeSpan? utcOffset = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, DateTime.DaysInMonth(2024, month));
        return Calendar(JobScheduleKind.Yearly, day, month, at, utcOffset);
    }

    /// <summary>
    /// The first occurrence strictly after <paramref name="after"/>, or null when there is none (a
    /// one-off job whose instant is not after it).
    /// </summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after)
    {
        switch (Kind)
        {
            case JobScheduleKind.Once:
                return Start > after ? Start : null;
            case JobScheduleKind.Interval:
                if (after < Start)
                {
                    return Start;
                }

                var slots = ((after - Start).Ticks / Interval.Ticks) + 1;
                return Start + TimeSpan.FromTicks(slots * Interval.Ticks);
            case JobScheduleKind.Daily:
                var local = after.ToOffset(UtcOffset);
                var today = new DateTimeOffset(DateOnly.FromDateTime(local.DateTime), TimeOfDay, UtcOffset);
                return today > after ? today : today.AddDays(1);
            default:
                return NextByMonth(after);
        }
    }

    /// <summary>
    /// The canonical text of the schedule, e.g. <c>yearly 15/11 08:00:00 +07:00</c>,
    /// <c>every 00:15:00 from 2026-01-01T00:00:00.0000000+07:00</c>.
    /// </summary>
    public override string ToString() => Kind switch
    {
        JobScheduleKind.Once => $"once {Start.ToString("O", CultureInfo.InvariantCulture)}",
        JobScheduleKind.Interval => $"every {Interval.ToString("c", CultureInfo.InvariantCulture)} from {Start.ToString("O", CultureInfo.InvariantCulture)}",
        JobScheduleKind.Daily => $"daily {Clock()}",
        JobScheduleKind.Monthly => $"monthly {Day} {Clock()}",
        JobScheduleKind.Quarterly => $"quarterly {Day}/{Month} {Clock()}",
        _ => $"yearly {Day}/{Month} {Clock()}",
    };

    /// <summary>Reads the text <see cref="ToString"/> writes.</summary>
    /// <exception cref="FormatException">The text is not a schedule.</exception>
    public static JobSchedule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        try
        {
            return parts switch
            {
                ["once", var at] => Once(Instant(at)),
                ["every", var interval, "from", var start] => Every(TimeSpan.ParseExact(interval, "c", CultureInfo.InvariantCulture), Instant(start)),
                ["daily", var time, var offset] => Daily(Time(time), Offset(offset)),
                ["monthly", var day, var time, var offset] => Monthly(Number(day), Time(time), Offset(offset)),
                ["quarterly", var dayMonth, var time, var offset] => Quarterly(Number(dayMonth.Split('/')[0]), Number(dayMonth.Split('/')[^1]), Time(time), Offset(offset)),
                ["yearly", var dayMonth, var time, var offset] => Yearly(Number(dayMonth.Split('/')[0]), Number(dayMonth.Split('/')[^1]), Time(time), Offset(offset)),
                _ => throw new FormatException($"Not a job schedule: '{text}'."),
            };
        }
        catch (Exception ex) when (ex is ArgumentException or OverflowException)
        {
            throw new FormatException($"Not a job schedule: '{text}'.", ex);
        }
    }

    private static JobSchedule Calendar(JobScheduleKind kind, int day, int month, TimeOnly at, TimeSpan? utcOffset)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, 31);
        var offset = utcOffset ?? VietnamOffset;
        if (offset < TimeSpan.FromHours(-14) || offset > TimeSpan.FromHours(14) || offset.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(utcOffset), offset, "A UTC offset is whole minutes within ±14 hours.");
        }

        return new(kind)
        {
            Day = day,
            Month = month,
            TimeOfDay = new TimeOnly(at.Hour, at.Minute, at.Second),
            UtcOffset = offset,
        };
    }

    // Monthly, quarterly and yearly rules step through the months the rule names; starting from
    // the named month at or before `after` (in the rule's offset), at most two steps are needed.
    private DateTimeOffset NextByMonth(DateTimeOffset after)
    {
        var local = after.ToOffset(UtcOffset);
        var step = Kind switch { JobScheduleKind.Monthly => 1, JobScheduleKind.Quarterly => 3, _ => 12 };
        var first = Kind switch { JobScheduleKind.Monthly => 1, _ => Month };
        var index = (local.Year * 12) + local.Month - 1;
        index -= ((index - (first - 1)) % step + step) % step;
        while (true)
        {
            var candidate = OnMonth(index / 12, (index % 12) + 1);
            if (candidate > after)
            {
                return candidate;
            }

            index += step;
        }
    }

    private DateTimeOffset OnMonth(int year, int month) =>
        new(new DateOnly(year, month, Math.Min(Day, DateTime.DaysInMonth(year, month))), TimeOfDay, UtcOffset);

    private string Clock() =>
        $"{TimeOfDay.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {(UtcOffset < TimeSpan.Zero ? "-" : "+")}{UtcOffset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture)}";

    private static DateTimeOffset WholeMilliseconds(DateTimeOffset value) =>
        value.AddTicks(-(value.Ticks % TimeSpan.TicksPerMillisecond));

    private static DateTimeOffset Instant(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);

    private static TimeOnly Time(string text) => TimeOnly.ParseExact(text, "HH:mm:ss", CultureInfo.InvariantCulture);

    private static int Number(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private static TimeSpan Offset(string text)
    {
        var value = TimeSpan.ParseExact(text[1..], @"hh\:mm", CultureInfo.InvariantCulture);
        return text[0] switch
        {
            '+' => value,
            '-' => -value,
            _ => throw new FormatException($"Not a UTC offset: '{text}'."),
        };
    }
}
