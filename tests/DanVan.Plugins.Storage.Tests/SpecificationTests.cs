using DanVan.Plugins.Data;
using DanVan.Plugins.Storage.Tests.Infrastructure;

namespace DanVan.Plugins.Storage.Tests;

public sealed class SpecificationTests(PostgresCluster cluster) : StorageTestBase(cluster)
{
    private static async Task<List<Assignment>> SeedAsync(TestDatabase db)
    {
        var rows = new List<Assignment>
        {
            NewAssignment("Hà Nội: tuyên truyền dân vận", "unit-a", AssignmentStatus.New, 1),
            NewAssignment("Đà Nẵng: đối thoại với nhân dân", "unit-a", AssignmentStatus.InProgress, 2),
            NewAssignment("Hưng Yên: kiểm tra dân chủ cơ sở", "unit-b", AssignmentStatus.Done, 3),
            NewAssignment("Thái Bình: báo cáo năm", "unit-b", AssignmentStatus.Overdue, 4),
            NewAssignment("Hải Phòng: sơ kết 6 tháng", "unit-c", AssignmentStatus.Done, 5),
        };
        rows[0].DueDate = new DateOnly(2025, 1, 10);
        rows[1].DueDate = new DateOnly(2025, 6, 30);
        rows[2].DueDate = null;
        rows[3].DueDate = new DateOnly(2025, 11, 15);
        rows[4].DueDate = new DateOnly(2025, 12, 31);
        rows[1].KeyTask = true;
        rows[3].KeyTask = true;
        rows[2].Note = "có ghi chú";
        rows[4].Score = 8.5m;
        rows[2].Score = 10m;
        rows[0].CreatedAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        rows[4].CreatedAt = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.FromHours(7));
        await db.Data.InsertManyAsync(rows, Officer);
        return rows;
    }

    private static async Task Expect(TestDatabase db, Specification<Assignment> spec, params long[] expected) =>
        Assert.Equal(expected, (await db.Data.ListAsync(spec)).Select(a => a.Sequence).ToArray());

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Comparisons_logic_and_null_checks_translate(StorageProvider provider)
    {
        await using var db = await OpenAsync(provider);
        await SeedAsync(db);
        var from = new DateOnly(2025, 6, 1);
        var unit = "unit-b";
        var done = AssignmentStatus.Done;
        var S = () => new Specification<Assignment>().OrderBy(x => x.Sequence);

        await Expect(db, S().Where(x => x.UnitId == unit), 3, 4);
        await Expect(db, S().Where(x => x.UnitId != unit), 1, 2, 5);
        await Expect(db, S().Where(x => x.Status == done), 3, 5);
        await Expect(db, S().Where(x => x.Status == AssignmentStatus.Done), 3, 5);
        await Expect(db, S().Where(x => x.Status > AssignmentStatus.InProgress && x.Sequence != 3), 4, 5);
        await Expect(db, S().Where(x => x.DueDate >= from), 2, 4, 5);
        await Expect(db, S().Where(x => from > x.DueDate), 1);
        await Expect(db, S().Where(x => x.DueDate == null), 3);
        await Expect(db, S().Where(x => x.DueDate != null), 1, 2, 4, 5);
        await Expect(db, S().Where(x => x.Note != null), 3);
        await Expect(db, S().Where(x => x.Note != "có ghi chú"), 1, 2, 4, 5);
        await Expect(db, S().Where(x => x.KeyTask), 2, 4);
        await Expect(db, S().Where(x => !x.KeyTask), 1, 3, 5);
        await Expect(db, S().Where(x => x.Sequence == 1 || x.Sequence >= 4), 1, 4, 5);
        await Expect(db, S().Where(x => x.UnitId == "unit-a").Where(x => x.Sequence > 1), 2);
        await Expect(db, S().Where(x => x.Score < 9m), 5);
        await Expect(db, S().Where(x => x.CreatedAt < new DateTimeOffset(2025, 11, 30, 23, 30, 0, TimeSpan.FromHours(7))), 1, 2, 3, 4);
        await Expect(db, S().Where(x => x.CreatedAt > new DateTimeOffset(2025, 11, 30, 16, 0, 0, TimeSpan.Zero)), 5);
        await Expect(db, S().Where(x => x.Priority == 2 && x.UnitId == unit && !(x.Sequence < 3)), 3, 4);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task String_methods_and_IN_lists_translate(StorageProvider provider)
    {
        await using var db = await OpenAsync(provider);
        var rows = await SeedAsync(db);
        var S = () => new Specification<Assignment>().OrderBy(x => x.Sequence);
        var units = new List<string> { "unit-a", "unit-c" };
        string[] unitArray = ["unit-b"];
        var statuses = new[] { AssignmentStatus.New, AssignmentStatus.Overdue };
        var ids = new HashSet<Guid> { rows[0].Id, rows[4].Id };

        await Expect(db, S().Where(x => x.Title.StartsWith("Hà Nội")), 1);
        await Expect(db, S().Where(x => x.Title.StartsWith("hà nội")));
        await Expect(db, S().Where(x => x.Title.EndsWith("năm")), 4);
        await Expect(db, S().Where(x => x.Title.Contains("dân") && !x.Title.Contains("vận")), 2, 3);
        await Expect(db, S().Where(x => x.Title.Contains("100%")));
        await Expect(db, S().Where(x => units.Contains(x.UnitId)), 1, 2, 5);
        await Expect(db, S().Where(x => unitArray.Contains(x.UnitId)), 3, 4);
        await Expect(db, S().Where(x => statuses.Contains(x.Status)), 1, 4);
        await Expect(db, S().Where(x => ids.Contains(x.Id)), 1, 5);
        await Expect(db, S().Where(x => new List<string>().Contains(x.UnitId)));
        await Expect(db, S().Where(x => string.IsNullOrEmpty(x.Note)), 1, 2, 4, 5);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Search_ignores_case_and_Vietnamese_diacritics(StorageProvider provider)
    {
        await using var db = await OpenAsync(provider);
        await SeedAsync(db);
        var S = (string q) => new Specification<Assignment>().Where(x => Text.Matches(x.Title, q)).OrderBy(x => x.Sequence);

        await Expect(db, S("ha noi"), 1);
        await Expect(db, S("HÀ NỘI"), 1);
        await Expect(db, S("da nang"), 2);
        await Expect(db, S("đà nẵng"), 2);
        await Expect(db, S("dan chu"), 3);
        await Expect(db, S("dân VAN"), 1);
        await Expect(db, S("kiem  tra   dan"), 3);
        await Expect(db, S("ha_noi"));
        await Expect(db, S(""), 1, 2, 3, 4, 5);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Ordering_paging_count_and_first(StorageProvider provider)
    {
        await using var db = await OpenAsync(provider);
        await SeedAsync(db);

        await Expect(db, new Specification<Assignment>().OrderByDescending(x => x.UnitId).ThenBy(x => x.Sequence), 5, 3, 4, 1, 2);
        await Expect(db, new Specification<Assignment>().OrderByDescending(x => x.Status).ThenByDescending(x => x.Sequence), 4, 5, 3, 2, 1);
        await Expect(db, new Specification<Assignment>().OrderBy(x => x.DueDate).ThenBy(x => x.Sequence), 3, 1, 2, 4, 5);
        await Expect(db, new Specification<Assignment>().OrderBy(x => x.Sequence).Page(2, 2), 3, 4);
        await Expect(db, new Specification<Assignment>().OrderBy(x => x.Sequence).Skip(4), 5);
        await Expect(db, new Specification<Assignment>().OrderByDescending(x => x.Sequence).Take(2), 5, 4);
        Assert.Equal(2, await db.Data.CountAsync(new Specification<Assignment>().Where(x => x.UnitId == "unit-a").Take(1)));
        Assert.Equal(4, (await db.Data.FirstOrDefaultAsync(new Specification<Assignment>().Where(x => x.KeyTask).OrderByDescending(x => x.DueDate)))!.Sequence);
        Assert.Null(await db.Data.FirstOrDefaultAsync(new Specification<Assignment>().Where(x => x.UnitId == "nowhere")));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Includes_load_children_and_parents_with_a_second_query(StorageProvider provider)
    {
        await using var db = await OpenAsync(provider);
        var directive = new Directive { Number = "01-KH/UBND", Title = "Kế hoạch dân vận năm 2025" };
        await db.Data.InsertAsync(directive, Officer);
        var rows = await SeedAsync(db);
        rows[0].DirectiveId = directive.Id;
        await db.Data.UpdateAsync(rows[0], Officer);
        await db.Data.InsertManyAsync(
            [new Report { Id = 1, AssignmentId = rows[0].Id, Body = "Báo cáo lần 1" }, new Report { Id = 2, AssignmentId = rows[0].Id, Body = "Báo cáo lần 2" }, new Report { Id = 3, AssignmentId = rows[1].Id, Body = "Báo cáo" }],
            Officer);

        var list = await db.Data.ListAsync(new Specification<Assignment>()
            .OrderBy(x => x.Sequence)
            .IncludeMany(x => x.Reports, (Report r) => r.AssignmentId)
            .IncludeOne(x => x.Directive, x => x.DirectiveId));

        Assert.Equal(["Báo cáo lần 1", "Báo cáo lần 2"], list[0].Reports!.OrderBy(r => r.Id).Select(r => r.Body));
        Assert.Single(list[1].Reports!);
        Assert.Empty(list[2].Reports!);
        Assert.Equal("01-KH/UBND", list[0].Directive!.Number);
        Assert.Null(list[1].Directive);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Unsupported_shapes_fail_clearly_when_the_specification_is_evaluated(StorageProvider provider)
    {
        await using var db = await OpenAsync(provider);
        var spec = new Specification<Assignment>().Where(x => x.Title.ToUpperInvariant() == "A");

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => db.Data.ListAsync(spec));
        Assert.Contains("ToUpperInvariant", error.Message);
        Assert.Contains(nameof(Assignment), error.Message);
        await Assert.ThrowsAsync<NotSupportedException>(() => db.Data.ListAsync(new Specification<Assignment>().Where(x => x.Display == "x")));
        await Assert.ThrowsAsync<NotSupportedException>(() => db.Data.ListAsync(new Specification<Assignment>().Where(x => Text.Matches(x.UnitId, "x"))));
        await Assert.ThrowsAsync<NotSupportedException>(() => db.Data.ListAsync(new Specification<Assignment>().Where(x => x.Sequence + 1 > 2)));
    }
}
