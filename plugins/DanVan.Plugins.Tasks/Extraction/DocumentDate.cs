namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// A date as printed in a document; the day may be blank ("ngày   tháng 11 năm 2023", a draft
/// dated when it is signed).
/// </summary>
internal sealed record DocumentDate(int Year, int Month, int? Day)
{
    public DateOnly? ToDateOnly() => Day is { } d ? new DateOnly(Year, Month, d) : null;

    public override string ToString() => Day is { } d ? $"{d:00}/{Month:00}/{Year}" : $"…/{Month:00}/{Year}";
}
