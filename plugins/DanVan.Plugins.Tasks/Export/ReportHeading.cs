namespace DanVan.Plugins.Tasks.Export;

/// <summary>
/// The heading block of an administrative report (Nghị định 30/2020/NĐ-CP layout): the issuing body
/// under its parent on the left ("UBND TỈNH HƯNG YÊN" / "SỞ NỘI VỤ"), the national motto on the right,
/// and the place and date ("Hưng Yên, ngày 21 tháng 11 năm 2026").
/// </summary>
internal sealed record ReportHeading(string ParentBody, string Body, string Place, DateOnly Date)
{
    public string PlaceAndDate => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{(Place.Length > 0 ? Place : "……")}, ngày {Date.Day:00} tháng {Date.Month:00} năm {Date.Year:0000}");
}
