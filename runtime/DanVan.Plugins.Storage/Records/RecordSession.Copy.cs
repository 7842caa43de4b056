using System.Globalization;
using System.Text;
using DanVan.Plugins.Data;
using DanVan.Plugins.Storage.Sql;
using Npgsql;

namespace DanVan.Plugins.Storage.Records;

/// <summary>
/// PostgreSQL bulk insert through COPY in text format: the server converts each value to its
/// column's type, so a plugin's INTEGER or BIGINT, DATE or TIMESTAMPTZ columns all take it.
/// </summary>
internal sealed partial class RecordSession
{
    private const int FlushAt = 256 * 1024;

    private async Task CopyAsync<T>(NpgsqlConnection npgsql, RecordMap map, IEnumerable<T> records, ChangeContext change, CancellationToken cancellationToken)
        where T : class
    {
        var audit = map.Audited ? new List<(string Id, string Json)>() : null;
        var values = new List<object>(map.InsertColumns.Count);
        var binary = await store.CopyColumnsAsync(npgsql, map, cancellationToken).ConfigureAwait(false);
        if (binary is not null)
        {
            // Binary COPY typed by the table's own column types: the server parses nothing.
            await using (var importer = await npgsql.BeginBinaryImportAsync($"COPY {map.QualifiedTable} ({string.Join(", ", map.InsertColumns)}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
            {
                foreach (var record in records)
                {
                    Prepare(map, record);
                    values.Clear();
                    map.WriteValues(record, Dialect, values);
                    await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    for (var i = 0; i < values.Count; i++)
                    {
                        if (values[i] is DBNull)
                        {
                            await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                        }
                        else
                        {
                            var (type, convert) = binary[i];
                            await importer.WriteAsync(convert(values[i]), type, cancellationToken).ConfigureAwait(false);
                        }
                    }

                    audit?.Add((map.RecordId(record), AuditJson.Write(map, record)));
                }

                await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            await CopyAuditAsync(npgsql, map, change, audit, new StringBuilder(FlushAt + 4096), cancellationToken).ConfigureAwait(false);
            return;
        }

        // Rows are sent in blocks of about 256 KB: one async write per row costs more than the row.
        var line = new StringBuilder(FlushAt + 4096);
        await using (var writer = await npgsql.BeginTextImportAsync($"COPY {map.QualifiedTable} ({string.Join(", ", map.InsertColumns)}) FROM STDIN", cancellationToken).ConfigureAwait(false))
        {
            foreach (var record in records)
            {
                Prepare(map, record);
                values.Clear();
                map.WriteValues(record, Dialect, values);
                for (var i = 0; i < values.Count; i++)
                {
                    if (i > 0)
                    {
                        line.Append('\t');
                    }

                    AppendCopyValue(line, values[i]);
                }

                line.Append('\n');
                audit?.Add((map.RecordId(record), AuditJson.Write(map, record)));
                if (line.Length >= FlushAt)
                {
                    await writer.WriteAsync(line, cancellationToken).ConfigureAwait(false);
                    line.Clear();
                }
            }

            await writer.WriteAsync(line, cancellationToken).ConfigureAwait(false);
        }

        await CopyAuditAsync(npgsql, map, change, audit, line, cancellationToken).ConfigureAwait(false);
    }

    private async Task CopyAuditAsync(NpgsqlConnection npgsql, RecordMap map, ChangeContext change, List<(string Id, string Json)>? audit, StringBuilder line, CancellationToken cancellationToken)
    {
        if (audit is { Count: > 0 })
        {
            var at = SqlDialect.SortableUtc(store.Time.GetUtcNow().UtcDateTime);
            await using var writer = await npgsql.BeginTextImportAsync("COPY danvan_audit (plugin_id, record_type, record_id, action, actor_user_id, actor_unit_id, at, old_json, new_json, reason) FROM STDIN", cancellationToken).ConfigureAwait(false);
            line.Clear();
            foreach (var (id, json) in audit)
            {
                var first = true;
                foreach (var value in new object[] { store.PluginId, map.Table, id, "insert", change.UserId, change.UnitId, at, DBNull.Value, json, (object?)change.Reason ?? DBNull.Value })
                {
                    if (!first)
                    {
                        line.Append('\t');
                    }

                    first = false;
                    AppendCopyValue(line, value);
                }

                line.Append('\n');
                if (line.Length >= FlushAt)
                {
                    await writer.WriteAsync(line, cancellationToken).ConfigureAwait(false);
                    line.Clear();
                }
            }

            await writer.WriteAsync(line, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void AppendCopyValue(StringBuilder line, object value)
    {
        switch (value)
        {
            case DBNull:
                line.Append("\\N");
                break;
            case string s:
                foreach (var c in s)
                {
                    switch (c)
                    {
                        case '\\':
                            line.Append("\\\\");
                            break;
                        case '\t':
                            line.Append("\\t");
                            break;
                        case '\n':
                            line.Append("\\n");
                            break;
                        case '\r':
                            line.Append("\\r");
                            break;
                        default:
                            line.Append(c);
                            break;
                    }
                }

                break;
            case bool b:
                line.Append(b ? 't' : 'f');
                break;
            case int i:
                line.Append(i);
                break;
            case long l:
                line.Append(l);
                break;
            case Guid g:
                line.Append(g.ToString("D"));
                break;
            case DateOnly d:
                line.Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case DateTime t:
                line.Append(SqlDialect.SortableUtc(t));
                break;
            case DateTimeOffset o:
                line.Append(SqlDialect.SortableUtc(o.UtcDateTime));
                break;
            case IFormattable f:
                line.Append(f.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                line.Append(value);
                break;
        }
    }
}
