using System.Text.Json;
using DanVan.Plugins.Data;
using DanVan.Plugins.Storage.Tests.Infrastructure;

namespace DanVan.Plugins.Storage.Tests;

public sealed class ConcurrencyAndAuditTests(PostgresCluster cluster) : StorageTestBase(cluster)
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_stale_update_is_refused_and_overwrites_nothing(StorageProvider provider)
    {
        await using var db = await OpenAsync(provider);
        var original = NewAssignment("Tổng kết công tác dân vận");
        await db.Data.InsertAsync(original, Officer);
        var mine = (await db.Data.FindAsync<Assignment>(original.Id))!;
        var theirs = (await db.Data.FindAsync<Assignment>(original.Id))!;

        theirs.Note = "Cán bộ B sửa trước";
        await db.Data.UpdateAsync(theirs, new ChangeContext("u-b", "unit-b"));
        mine.Note = "Cán bộ A sửa sau";
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => db.Data.UpdateAsync(mine, Officer));

        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal("Bản ghi đã được người khác cập nhật; vui lòng tải lại và thử lại.", conflict.VietnameseMessage);
        var stored = (await db.Data.FindAsync<Assignment>(original.Id))!;
        Assert.Equal("Cán bộ B sửa trước", stored.Note);
        Assert.Equal(2, stored.Version);
        Assert.Equal(1, mine.Version);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => db.Data.DeleteAsync(mine, Officer));
        Assert.NotNull(await db.Data.FindAsync<Assignment>(original.Id));
        Assert.Equal(2, (await db.Data.AuditTrailAsync<Assignment>(original.Id)).Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_change_leaves_an_audit_row_with_who_when_old_and_new(StorageProvider provider)
    {
        await using var db = await OpenAsync(provider);
        var a = NewAssignment("Hội nghị đối thoại");
        await db.Data.InsertAsync(a, Officer);
        db.Clock.Now = db.Clock.Now.AddHours(1);
        a.Status = AssignmentStatus.Done;
        await db.Data.UpdateAsync(a, new ChangeContext("u-tran-thi-b", "unit-so-noi-vu", "Đã tổ chức xong"));
        db.Clock.Now = db.Clock.Now.AddHours(1);
        await db.Data.DeleteAsync(a, new ChangeContext("u-admin", "unit-tinh", "Nhập trùng"));

        var trail = await db.Data.AuditTrailAsync<Assignment>(a.Id);

        Assert.Equal(["insert", "update", "delete"], trail.Select(t => t.Action));
        Assert.All(trail, t => Assert.Equal("assignments", t.RecordType));
        Assert.All(trail, t => Assert.Equal(a.Id.ToString("D"), t.RecordId));
        Assert.Equal(["u-nguyen-van-a", "u-tran-thi-b", "u-admin"], trail.Select(t => t.ActorUserId));
        Assert.Equal(["unit-xa-tan-lap", "unit-so-noi-vu", "unit-tinh"], trail.Select(t => t.ActorUnitId));
        Assert.Equal([null, "Đã tổ chức xong", "Nhập trùng"], trail.Select(t => t.Reason));
        Assert.Equal(new DateTimeOffset(2025, 11, 15, 3, 30, 0, TimeSpan.Zero), trail[1].At);
        Assert.True(trail[0].Id < trail[1].Id && trail[1].Id < trail[2].Id);
        Assert.Null(trail[0].OldJson);
        Assert.Null(trail[2].NewJson);
        using var before = JsonDocument.Parse(trail[1].OldJson!);
        using var after = JsonDocument.Parse(trail[1].NewJson!);
        Assert.Equal("New", before.RootElement.GetProperty("status").GetString());
        Assert.Equal("Done", after.RootElement.GetProperty("status").GetString());
        Assert.Equal(1, before.RootElement.GetProperty("version").GetInt64());
        Assert.Equal(2, after.RootElement.GetProperty("version").GetInt64());
        Assert.Equal("Hội nghị đối thoại", after.RootElement.GetProperty("title").GetString());
        Assert.False(after.RootElement.TryGetProperty("title_folded", out _));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_required_reason_is_enforced_and_nothing_is_written_without_it(StorageProvider provider)
    {
        await using var db = await OpenAsync(provider);
        var a = NewAssignment("Chấm điểm");
        await db.Data.InsertAsync(a, Officer);
        var report = new Report { Id = 7, AssignmentId = a.Id, Body = "Điểm tự chấm: 90" };
        await db.Data.InsertAsync(report, Officer);

        report.Body = "Điểm tự chấm: 95";
        var refused = await Assert.ThrowsAsync<ReasonRequiredException>(() => db.Data.UpdateAsync(report, Officer));
        Assert.Equal("reason", refused.Field);
        await Assert.ThrowsAsync<ReasonRequiredException>(() => db.Data.DeleteAsync(report, new ChangeContext("u", "x", "   ")));
        Assert.Equal("Điểm tự chấm: 90", (await db.Data.FindAsync<Report>(7L))!.Body);
        Assert.Single(await db.Data.AuditTrailAsync<Report>(7L));

        await db.Data.UpdateAsync(report, new ChangeContext("u-thamdinh", "unit-so-noi-vu", "Bổ sung minh chứng"));
        Assert.Equal("Điểm tự chấm: 95", (await db.Data.FindAsync<Report>(7L))!.Body);
        Assert.Equal("Bổ sung minh chứng", (await db.Data.AuditTrailAsync<Report>(7L))[^1].Reason);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_audit_log_is_append_only(StorageProvider provider)
    {
        await using var db = await OpenAsync(provider);
        await db.Data.InsertAsync(NewAssignment("x"), Officer);
        await using var connection = await db.Connector.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM danvan_audit";
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => command.ExecuteNonQueryAsync());
        command.CommandText = "UPDATE danvan_audit SET reason = 'x'";
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => command.ExecuteNonQueryAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_failing_write_in_a_unit_of_work_leaves_nothing(StorageProvider provider)
    {
        await using var db = await OpenAsync(provider);
        var existing = NewAssignment("Đã có");
        await db.Data.InsertAsync(existing, Officer);
        var stale = (await db.Data.FindAsync<Assignment>(existing.Id))!;
        existing.Note = "bump";
        await db.Data.UpdateAsync(existing, Officer);

        await using (var tx = await db.Data.BeginAsync())
        {
            await tx.InsertAsync(NewAssignment("Mới 1"), Officer);
            await tx.InsertAsync(new Counter { Name = "assignments", Value = 1 }, Officer);
            stale.Note = "stale";
            await Assert.ThrowsAsync<ConcurrencyConflictException>(() => tx.UpdateAsync(stale, Officer));
        }

        Assert.Equal(1, await db.Data.CountAsync(new Specification<Assignment>()));
        Assert.Null(await db.Data.FindAsync<Counter>("assignments"));
        Assert.Equal(2, (await db.Data.AuditTrailAsync<Assignment>(existing.Id)).Count);

        await using (var tx = await db.Data.BeginAsync())
        {
            var one = NewAssignment("Mới 2");
            await tx.InsertAsync(one, Officer);
            await tx.InsertAsync(new Counter { Name = "assignments", Value = 2 }, Officer);
            Assert.Equal(2, await tx.CountAsync(new Specification<Assignment>()));
            await tx.CommitAsync();
        }

        Assert.Equal(2, await db.Data.CountAsync(new Specification<Assignment>()));
        Assert.Equal(2, (await db.Data.FindAsync<Counter>("assignments"))!.Value);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Raw_roll_up_queries_map_rows_and_refuse_writes(StorageProvider provider)
    {
        await using var db = await OpenAsync(provider);
        await db.Data.InsertManyAsync(Enumerable.Range(0, 30).Select(i => NewAssignment($"n{i}", $"unit-{i % 3}", (AssignmentStatus)(i % 2), i)), Officer);

        var rows = await db.Data.QueryAsync<StatusCount>(
            "SELECT unit_id, status, COUNT(*) AS total FROM {table:assignments} WHERE unit_id <> @skip GROUP BY unit_id, status ORDER BY unit_id, status",
            new { skip = "unit-2" });

        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal(5, r.Total));
        Assert.Equal(("unit-0", AssignmentStatus.New), (rows[0].UnitId, rows[0].Status));
        Assert.Equal(("unit-1", AssignmentStatus.InProgress), (rows[3].UnitId, rows[3].Status));
        Assert.Equal(provider == StorageProvider.Postgres ? "p_danvan_testledger" : "danvan_testledger__", db.Data.SchemaName);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Data.QueryAsync<StatusCount>("DELETE FROM {table:assignments}"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Data.QueryAsync<StatusCount>("SELECT 1; DELETE FROM {table:assignments}"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Data.QueryAsync<StatusCount>("WITH d AS (DELETE FROM {table:assignments} RETURNING *) SELECT * FROM d"));
        Assert.Equal(30, await db.Data.CountAsync(new Specification<Assignment>()));
        Assert.Empty(await db.Data.AuditTrailAsync<Counter>("none"));
    }
}
