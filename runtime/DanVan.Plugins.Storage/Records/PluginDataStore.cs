using System.Collections.Concurrent;
using System.Data.Common;
using DanVan.Plugins.Data;
using DanVan.Plugins.Storage.Sql;

namespace DanVan.Plugins.Storage.Records;

/// <summary>
/// One plugin version's <see cref="IPluginData"/>. Its record maps (which reference the plugin's
/// types) live in this instance only and are dropped when the plugin's container disposes it,
/// so nothing in the default context keeps the plugin's context alive.
/// </summary>
internal sealed class PluginDataStore : IPluginData, IAsyncDisposable, IDisposable
{
    private readonly DatabaseConnector _connector;
    private readonly ConcurrentDictionary<Type, RecordMap> _maps = new();
    private readonly ConcurrentDictionary<Type, RecordMap> _rows = new();
    private readonly ConcurrentDictionary<string, (NpgsqlTypes.NpgsqlDbType Type, Func<object, object> Convert)[]?> _copyColumns = new(StringComparer.Ordinal);
    private bool _disposed;

    public PluginDataStore(DatabaseConnector connector, string pluginId, TimeProvider time)
    {
        _connector = connector;
        PluginId = pluginId;
        Time = time;
        Dialect = SqlDialect.For(connector.Provider);
    }

    public string PluginId { get; }

    public TimeProvider Time { get; }

    internal SqlDialect Dialect { get; }

    DataDialect IPluginData.Dialect => Dialect.Kind;

    public string SchemaName => Dialect.SchemaName(PluginId);

    public string Table(string name) => Dialect.Table(PluginId, name);

    internal RecordMap Map(Type type)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _maps.GetOrAdd(type, static (t, self) => RecordMap.ForRecord(t, self.Dialect, self.PluginId), this);
    }

    internal RecordMap RowMap(Type type) => _rows.GetOrAdd(type, static (t, self) => RecordMap.ForRow(t, self.Dialect), this);

    /// <summary>For binary COPY: each insert column's PostgreSQL type (from the catalog, once per table and plugin version) and the conversion to it; null when a type is not one the store writes.</summary>
    internal async Task<(NpgsqlTypes.NpgsqlDbType Type, Func<object, object> Convert)[]?> CopyColumnsAsync(Npgsql.NpgsqlConnection connection, RecordMap map, CancellationToken cancellationToken)
    {
        if (_copyColumns.TryGetValue(map.Table, out var known))
        {
            return known;
        }

        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = new Npgsql.NpgsqlCommand("SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = @s AND table_name = @t", connection))
        {
            command.Parameters.AddWithValue("s", SchemaName);
            command.Parameters.AddWithValue("t", map.Table);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                types[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var columns = new (NpgsqlTypes.NpgsqlDbType, Func<object, object>)[map.InsertColumns.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            var name = map.InsertColumns[i].Trim('"');
            if (!types.TryGetValue(name, out var udt) || CopyType(udt) is not { } column)
            {
                _copyColumns[map.Table] = null;
                return null;
            }

            columns[i] = column;
        }

        _copyColumns[map.Table] = columns;
        return columns;
    }

    private static (NpgsqlTypes.NpgsqlDbType, Func<object, object>)? CopyType(string udt)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return udt switch
        {
            "uuid" => (NpgsqlTypes.NpgsqlDbType.Uuid, static v => v),
            "text" or "varchar" => (NpgsqlTypes.NpgsqlDbType.Text, static v => v),
            "int2" => (NpgsqlTypes.NpgsqlDbType.Smallint, v => Convert.ToInt16(v, invariant)),
            "int4" => (NpgsqlTypes.NpgsqlDbType.Integer, v => Convert.ToInt32(v, invariant)),
            "int8" => (NpgsqlTypes.NpgsqlDbType.Bigint, v => Convert.ToInt64(v, invariant)),
            "bool" => (NpgsqlTypes.NpgsqlDbType.Boolean, static v => v),
            "date" => (NpgsqlTypes.NpgsqlDbType.Date, static v => v),
            "timestamptz" => (NpgsqlTypes.NpgsqlDbType.TimestampTz, static v => v),
            "numeric" => (NpgsqlTypes.NpgsqlDbType.Numeric, v => Convert.ToDecimal(v, invariant)),
            "float8" => (NpgsqlTypes.NpgsqlDbType.Double, v => Convert.ToDouble(v, invariant)),
            _ => null,
        };
    }

    public Task<T?> FindAsync<T>(object key, CancellationToken cancellationToken = default)
        where T : class, new() => ReadAsync(s => s.FindAsync<T>(key, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<T>> ListAsync<T>(Specification<T> specification, CancellationToken cancellationToken = default)
        where T : class, new() => ReadAsync(s => s.ListAsync(specification, null, cancellationToken), cancellationToken);

    public Task<long> CountAsync<T>(Specification<T> specification, CancellationToken cancellationToken = default)
        where T : class, new() => ReadAsync(s => s.CountAsync(specification, cancellationToken), cancellationToken);

    public async Task<T?> FirstOrDefaultAsync<T>(Specification<T> specification, CancellationToken cancellationToken = default)
        where T : class, new() => (await ReadAsync(s => s.ListAsync(specification, 1, cancellationToken), cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public Task<IReadOnlyList<TRow>> QueryAsync<TRow>(string sql, object? parameters = null, CancellationToken cancellationToken = default)
        where TRow : class, new() => ReadAsync(s => s.QueryAsync<TRow>(sql, parameters, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> AuditTrailAsync<T>(object key, CancellationToken cancellationToken = default)
        where T : class, new() => ReadAsync(s => s.AuditTrailAsync<T>(key, cancellationToken), cancellationToken);

    public Task InsertAsync<T>(T record, ChangeContext change, CancellationToken cancellationToken = default)
        where T : class, new() => WriteAsync(s => s.InsertAsync(record, change, cancellationToken), cancellationToken);

    public Task InsertManyAsync<T>(IEnumerable<T> records, ChangeContext change, CancellationToken cancellationToken = default)
        where T : class, new() => WriteAsync(s => s.InsertManyAsync(records, change, cancellationToken), cancellationToken);

    public Task UpdateAsync<T>(T record, ChangeContext change, CancellationToken cancellationToken = default)
        where T : class, new() => WriteAsync(s => s.UpdateAsync(record, change, cancellationToken), cancellationToken);

    public Task DeleteAsync<T>(T record, ChangeContext change, CancellationToken cancellationToken = default)
        where T : class, new() => WriteAsync(s => s.DeleteAsync(record, change, cancellationToken), cancellationToken);

    public async Task<IDataTransaction> BeginAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = await _connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            return new DataTransaction(new RecordSession(this, connection, transaction), connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<TResult> ReadAsync<TResult>(Func<RecordSession, Task<TResult>> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var connection = await _connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await read(new RecordSession(this, connection, null)).ConfigureAwait(false);
    }

    private async Task WriteAsync(Func<RecordSession, Task> write, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var connection = await _connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await write(new RecordSession(this, connection, transaction)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }

    public void Dispose()
    {
        _disposed = true;
        _maps.Clear();
        _rows.Clear();
    }
}
