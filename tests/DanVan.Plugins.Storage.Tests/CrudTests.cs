using System.Text;
using DanVan.Plugins.Data;
using DanVan.Plugins.Storage.Tests.Infrastructure;

namespace DanVan.Plugins.Storage.Tests;

public sealed class CrudTests(PostgresCluster cluster) : StorageTestBase(cluster)
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_value_type_round_trips(StorageProvider provider)
    {
        await using var db = await OpenAsync(provider);
        var directive = new Directive { Number = "16-CT/TU", Title = "Chỉ thị về công tác dân vận chính quyền" };
        await db.Data.InsertAsync(directive, Officer);
        var a = new Assignment
        {
            DirectiveId = directive.Id,
            Title = "Tuyên truyền Luật Thực hiện dân chủ ở cơ sở",
            UnitId = "unit-phuong-hien-nam",
            Status = AssignmentStatus.InProgress,
            DueDate = new DateOnly(2025, 11, 15),
            CreatedAt = new DateTimeOffset(2025, 10, 1, 8, 30, 15, 123, TimeSpan.FromHours(7)),
            ReportedAt = new DateTime(2025, 10, 20, 1, 2, 3, DateTimeKind.Utc),
            Score = 9.75m,
            Sequence = 9_000_000_000,
            Priority = -3,
            KeyTask = true,
            Note = null,
        };

        await db.Data.InsertAsync(a, Officer);

        Assert.NotEqual(Guid.Empty, a.Id);
        Assert.Equal(1, a.Version);
        var read = await db.Data.FindAsync<Assignment>(a.Id);
        Assert.NotNull(read);
        Assert.Equal(a.Id, read.Id);
        Assert.Equal(directive.Id, read.DirectiveId);
        Assert.Equal(a.Title, read.Title);
        Assert.Equal(a.UnitId, read.UnitId);
        Assert.Equal(AssignmentStatus.InProgress, read.Status);
        Assert.Equal(new DateOnly(2025, 11, 15), read.DueDate);
        Assert.Equal(a.CreatedAt, read.CreatedAt);
        Assert.Equal(a.ReportedAt, read.ReportedAt);
        Assert.Equal(DateTimeKind.Utc, read.ReportedAt!.Value.Kind);
        Assert.Equal(9.75m, read.Score);
        Assert.Equal(9_000_000_000, read.Sequence);
        Assert.Equal(-3, read.Priority);
        Assert.True(read.KeyTask);
        Assert.Null(read.Note);
        Assert.Equal(1, read.Version);
        Assert.Null(await db.Data.FindAsync<Assignment>(Guid.NewGuid()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Vietnamese_text_is_stored_in_NFC_whatever_form_it_arrives_in(StorageProvider provider)
    {
        await using var db = await OpenAsync(provider);
        const string nfc = "Đánh giá, xếp loại kết quả thực hiện công tác dân vận chính quyền — Hà Nội, Thừa Thiên Huế";
        var decomposed = nfc.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(nfc, decomposed);
        var fromMac = NewAssignment(decomposed);
        var fromWindows = NewAssignment(nfc);
        await db.Data.InsertAsync(fromMac, Officer);
        await db.Data.InsertAsync(fromWindows, Officer);

        Assert.Equal(nfc, (await db.Data.FindAsync<Assignment>(fromMac.Id))!.Title);
        Assert.Equal(nfc, (await db.Data.FindAsync<Assignment>(fromWindows.Id))!.Title);
        Assert.Equal(2, await db.Data.CountAsync(new Specification<Assignment>().Where(x => x.Title == nfc)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Update_and_delete_change_the_stored_record_and_bump_the_version(StorageProvider provider)
    {
        await using var db = await OpenAsync(provider);
        var a = NewAssignment("Rà soát quy chế dân chủ");
        await db.Data.InsertAsync(a, Officer);
        a.Status = AssignmentStatus.Done;
        a.Note = "Đã hoàn thành";
        await db.Data.UpdateAsync(a, Officer);

        Assert.Equal(2, a.Version);
        var read = (await db.Data.FindAsync<Assignment>(a.Id))!;
        Assert.Equal(AssignmentStatus.Done, read.Status);
        Assert.Equal("Đã hoàn thành", read.Note);
        Assert.Equal(2, read.Version);

        await db.Data.DeleteAsync(read, Officer);
        Assert.Null(await db.Data.FindAsync<Assignment>(a.Id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => db.Data.UpdateAsync(read, Officer));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Bulk_insert_stores_every_record_with_its_shadow_and_audit(StorageProvider provider)
    {
        await using var db = await OpenAsync(provider);
        var rows = Enumerable.Range(0, 2500).Select(i => NewAssignment($"Nhiệm vụ số {i}\tcó tab\nvà xuống dòng \\ gạch", $"unit-{i % 7}", (AssignmentStatus)(i % 4), i)).ToList();
        rows[5].Note = null;
        rows[6].Note = "Ghi chú";

        await db.Data.InsertManyAsync(rows, Officer);

        Assert.Equal(2500, await db.Data.CountAsync(new Specification<Assignment>()));
        var back = await db.Data.FindAsync<Assignment>(rows[1234].Id);
        Assert.Equal(rows[1234].Title, back!.Title);
        Assert.Equal("Ghi chú", (await db.Data.FindAsync<Assignment>(rows[6].Id))!.Note);
        Assert.Equal(1, await db.Data.CountAsync(new Specification<Assignment>().Where(x => Text.Matches(x.Title, "nhiem vu so 1234"))));
        Assert.Single(await db.Data.AuditTrailAsync<Assignment>(rows[42].Id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Bulk_insert_into_a_table_with_other_column_types_escapes_every_value(StorageProvider provider)
    {
        await using var db = await OpenAsync(provider);
        await db.Storage.MigrateAsync(TestDatabase.PluginId, "1.0.0",
            [.. TestMigrations.All, new Migration(10, "create_codes", "CREATE TABLE {table:codes} (code CHAR(8) PRIMARY KEY, label TEXT NOT NULL, at TIMESTAMPTZ NULL, active BOOLEAN NOT NULL);") { RollbackSafe = true }]);
        var rows = Enumerable.Range(0, 300).Select(i => new CodeEntry
        {
            Code = $"C{i:D7}",
            Label = $"Nhãn {i}\tcột\nxuống dòng \\N \\ hết",
            At = i % 2 == 0 ? null : new DateTimeOffset(2025, 7, 1, 9, 0, 0, TimeSpan.FromHours(7)).AddMinutes(i),
            Active = i % 3 == 0,
        }).ToList();

        await db.Data.InsertManyAsync(rows, Officer);

        var back = await db.Data.ListAsync(new Specification<CodeEntry>().OrderBy(c => c.Code));
        Assert.Equal(300, back.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal((rows[i].Code, rows[i].Label, rows[i].At, rows[i].Active), (back[i].Code, back[i].Label, back[i].At, back[i].Active));
        }

        Assert.Equal("insert", Assert.Single(await db.Data.AuditTrailAsync<CodeEntry>("C0000007")).Action);
    }
}
