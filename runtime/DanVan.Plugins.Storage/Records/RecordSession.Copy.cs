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
    private async Task CopyAsync<T>(NpgsqlConnection npgsql, RecordMap map, IEnumerable<T> records, ChangeContext change, CancellationToken cancellationToken)
        where T : class
    {
        var audit = map.Audited ? new List<(string Id, string Json)>() : null;
        var values = new List<object>(map.InsertColumns.Count);
        var line = new StringBuilder(256);
        await using (var writer = await npgsql.BeginTextImportAsync($"COPY {map.QualifiedTable} ({string.Join(", ", map.InsertColumns)}) FROM STDIN", cancellationToken).ConfigureAwait(false))
        {
            foreach (var record in records)
            {
                Prepare(map, record);
                values.Clear();
                map.WriteValues(record, Dialect, values);
                line.Clear();
                for (var i = 0; i < values.Count; i++)
                {
                    if (i > 0)
                    {
                        line.Append('\t');
                    }

                    AppendCopyValue(line, values[i]);
                }

                line.Append('\n');
                await writer.WriteAsync(line, cancellationToken).ConfigureAwait(false);
                audit?.Add((map.RecordId(record), AuditJson.Write(map, record)));
            }
        }

        if (audit is { Count: > 0 })
        {
            var at = SqlDialect.SortableUtc(store.Time.GetUtcNow().UtcDateTime);
            await using var writer = await npgsql.BeginTextImportAsync("COPY danvan_audit (plugin_id, record_type, record_id, action, actor_user_id, actor_unit_id, at, old_json, new_json, reason) FROM STDIN", cancellationToken).ConfigureAwait(false);
            foreach (var (id, json) in audit)
            {
                line.Clear();
                foreach (var value in new object[] { store.PluginId, map.Table, id, "insert", change.UserId, change.UnitId, at, DBNull.Value, json, (object?)change.Reason ?? DBNull.Value })
                {
                    if (line.Length > 0)
                    {
                        line.Append('\t');
                    }

                    AppendCopyValue(line, value);
                }

                line.Append('\n');
                await writer.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            }
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
