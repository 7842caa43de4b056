namespace DanVan.Plugins.Jobs;

/// <summary>The kinds of <see cref="JobSchedule"/>.</summary>
public enum JobScheduleKind
{
    /// <summary>One occurrence at a given instant.</summary>
    Once,

    /// <summary>Every fixed interval (minutes, hours) from a start instant.</summary>
    Interval,

    /// <summary>Every day at a time of day.</summary>
    Daily,

    /// <summary>Every month on a day at a time of day.</summary>
    Monthly,

    /// <summary>Every quarter on a day of one of its three months at a time of day.</summary>
    Quarterly,

    /// <summary>Every year on a day and month at a time of day, e.g. 15/11 hằng năm.</summary>
    Yearly,
}
