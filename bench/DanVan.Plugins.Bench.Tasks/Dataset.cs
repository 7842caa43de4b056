using System.Globalization;
using DanVan.Plugins.Tasks.Storage;

namespace DanVan.Plugins.Bench.Tasks;

/// <summary>
/// 40 directives × 8 items, each item assigned yearly to the 130 units for 2022–2026 (due 15/11).
/// Before the reform (2022–2024) the first 40 communes' work sits under their former communes. Past
/// years are mostly completed (on time, some late, a few never); this year is open with some done.
/// </summary>
internal static class Dataset
{
    public static string DocumentId(int i) => "vb-" + i.ToString("D3", CultureInfo.InvariantCulture);

    public const int Directives = 40;

    public static DatasetRows Build(int directives = Directives)
    {
        var random = new Random(20261121);
        var created = new DateTimeOffset(2022, 1, 10, 2, 0, 0, TimeSpan.Zero);
        var tasks = new List<TaskRecord>();
        var assignments = new List<AssignmentRecord>();
        var reports = new List<ReportRecord>();
        var extensions = new List<ExtensionRecord>();
        for (var d = 0; d < directives; d++)
        {
            for (var item = 1; item <= 8; item++)
            {
                var task = new TaskRecord
                {
                    Id = Guid.CreateVersion7(created),
                    DocumentId = DocumentId(d),
                    DocumentCode = $"{d + 1:00}/CT-UBND",
                    DocumentTitle = $"Chỉ thị số {d + 1:00}/CT-UBND ngày 10/01/2022",
                    ItemPath = item.ToString(CultureInfo.InvariantCulture),
                    Content = $"Tiếp tục đổi mới nội dung, phương thức công tác dân vận chính quyền, nhiệm vụ {item} của chỉ thị số {d + 1}; báo cáo kết quả trước ngày 15 tháng 11 hằng năm.",
                    CooperatingUnitIds = "",
                    DueRuleText = "hằng năm, trước ngày 15/11",
                    DueKind = "Yearly",
                    DueDay = 15,
                    DueMonth = 11,
                    CreatedBy = "u-snv-tham-dinh",
                    CreatedByUnit = "so-001",
                    IssuerUnitId = Province.Root,
                    ReportToUnitId = Province.Root,
                    ReportViaUnitId = "so-001",
                    CreatedAt = created,
                };
                tasks.Add(task);
                for (var year = 2022; year <= 2026; year++)
                {
                    var due = new DateOnly(year, 11, 15);
                    for (var u = 0; u < Province.Assigned.Count; u++)
                    {
                        var unit = Province.Assigned[u];
                        var communeIndex = u - Province.Departments.Count;
                        if (year < 2025 && communeIndex >= 0 && Province.FormerOf(communeIndex) is { } former)
                        {
                            unit = former;
                        }

                        var roll = random.Next(100);
                        DateTimeOffset? done = year < 2026
                            ? roll < 70 ? At(due.AddDays(-random.Next(1, 60))) : roll < 92 ? At(due.AddDays(random.Next(1, 40))) : null
                            : roll < 35 ? At(new DateOnly(2026, 11, 1).AddDays(-random.Next(0, 200))) : null;
                        var assignment = new AssignmentRecord
                        {
                            Id = Guid.CreateVersion7(created),
                            TaskId = task.Id,
                            UnitId = unit,
                            UnitName = unit,
                            PeriodKey = year.ToString(CultureInfo.InvariantCulture),
                            DueDate = due,
                            State = done is null ? AssignmentState.Open : AssignmentState.Completed,
                            CompletedAt = done,
                        };
                        assignments.Add(assignment);
                        History.Add(assignment, random, reports, extensions);
                    }
                }
            }
        }

        return new DatasetRows(tasks, assignments, reports, extensions);
    }

    private static DateTimeOffset At(DateOnly day) => new(day.Year, day.Month, day.Day, 3, 0, 0, TimeSpan.Zero);
}
