using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DanVan.Plugins.Data;
using DanVan.Plugins.Storage.Sql;
using Npgsql;

namespace DanVan.Plugins.Storage.Records;

/// <summary>
/// Reads and writes records on one open connection (and its transaction, for writes): the work
/// behind <see cref="PluginDataStore"/> and <see cref="DataTransaction"/>.
/// </summary>
internal sealed partial class RecordSession(PluginDataStore store, DbConnection connection, DbTransaction? transaction)
{
    private const int InChunk = 500;
    private SqlDialect Dialect => store.Dialect;

    public async Task<T?> FindAsync<T>(object key, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        var map = store.Map(typeof(T));
        var parameters = new SqlParameters();
        var sql = $"SELECT {map.SelectList} FROM {map.QualifiedTable} WHERE {map.RequireKey().QuotedColumn} = {parameters.Add(Dialect.ToDb(key))}";
        var rows = await ReadAsync(map, sql, parameters, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : (T)rows[0];
    }

    public async Task<IReadOnlyList<T>> ListAsync<T>(Specification<T> specification, int? takeOverride, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(specification);
        var map = store.Map(typeof(T));
        var parameters = new SqlParameters();
        var translator = new CriteriaTranslator(map, Dialect, parameters);
        var where = translator.Where(specification.Criteria);
        var order = translator.OrderBy(specification.Orderings);
        var take = takeOverride ?? specification.TakeCount;
        if (order.Length == 0 && (take is not null || specification.SkipCount is > 0))
        {
            // Paging without an order would return arbitrary pages.
            order = " ORDER BY " + map.RequireKey().QuotedColumn;
        }

        var sql = $"SELECT {map.SelectList} FROM {map.QualifiedTable}{where}{order}{Dialect.Paging(specification.SkipCount, take)}";
        var result = new List<T>();
        await using (var command = Command(sql, parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                result.Add((T)map.Read(reader));
            }
        }

        foreach (var include in specification.Includes)
        {
            await IncludeAsync(map, result, include, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    public async Task<long> CountAsync<T>(Specification<T> specification, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(specification);
        var map = store.Map(typeof(T));
        var parameters = new SqlParameters();
        var where = new CriteriaTranslator(map, Dialect, parameters).Where(specification.Criteria);
        await using var command = Command($"SELECT COUNT(*) FROM {map.QualifiedTable}{where}", parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<TRow>> QueryAsync<TRow>(string sql, object? parameters, CancellationToken cancellationToken)
        where TRow : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        var trimmed = sql.Trim().TrimEnd(';');
        if (!ReadOnlyStart().IsMatch(trimmed) || trimmed.Contains(';', StringComparison.Ordinal) || Writing().IsMatch(trimmed))
        {
            throw new InvalidOperationException("QueryAsync runs one read-only SELECT (or WITH … SELECT); use the record writes to change data.");
        }

        var expanded = Dialect.ExpandPlaceholders(trimmed, store.PluginId);
        var rowMap = store.RowMap(typeof(TRow));
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = expanded;
        foreach (var (name, value) in ParametersOf(parameters))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = Dialect.ToDb(value);
            command.Parameters.Add(parameter);
        }

        var readOnlyWrapper = transaction is null;
        if (readOnlyWrapper)
        {
            await SetReadOnlyAsync(true, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var result = new List<TRow>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var targets = new ColumnMap?[reader.FieldCount];
            for (var i = 0; i < targets.Length; i++)
            {
                targets[i] = rowMap.ColumnByName(reader.GetName(i));
            }

            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var row = rowMap.Create();
                for (var i = 0; i < targets.Length; i++)
                {
                    targets[i]?.Set(row, reader.IsDBNull(i) ? null : reader.GetValue(i));
                }

                result.Add((TRow)row);
            }

            return result;
        }
        finally
        {
            if (readOnlyWrapper)
            {
                await SetReadOnlyAsync(false, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> AuditTrailAsync<T>(object key, CancellationToken cancellationToken)
        where T : class
    {
        var map = store.Map(typeof(T));
        var parameters = new SqlParameters();
        var sql = "SELECT id, record_type, record_id, action, actor_user_id, actor_unit_id, at, old_json, new_json, reason FROM danvan_audit"
            + $" WHERE plugin_id = {parameters.Add(store.PluginId)} AND record_type = {parameters.Add(map.Table)} AND record_id = {parameters.Add(RecordMap.KeyText(key))} ORDER BY id";
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var readAt = ValueReaders.For<DateTimeOffset>(Dialect.Kind == DataDialect.Sqlite);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry
            {
                Id = reader.GetInt64(0),
                RecordType = reader.GetString(1),
                RecordId = reader.GetString(2),
                Action = reader.GetString(3),
                ActorUserId = reader.GetString(4),
                ActorUnitId = reader.GetString(5),
                At = readAt(reader, 6),
                OldJson = reader.IsDBNull(7) ? null : reader.GetString(7),
                NewJson = reader.IsDBNull(8) ? null : reader.GetString(8),
                Reason = reader.IsDBNull(9) ? null : reader.GetString(9),
            });
        }

        return entries;
    }

    public async Task InsertAsync(object record, ChangeContext change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(change);
        var map = store.Map(record.GetType());
        Prepare(map, record);
        var values = new List<object>(map.InsertColumns.Count);
        map.WriteValues(record, Dialect, values);
        var parameters = new SqlParameters();
        var names = values.Select(parameters.Add).ToList();
        await using (var command = Command($"INSERT INTO {map.QualifiedTable} ({string.Join(", ", map.InsertColumns)}) VALUES ({string.Join(", ", names)})", parameters))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (map.Audited)
        {
            await AuditAsync(map, map.RecordId(record), "insert", change, null, AuditJson.Write(map, record), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task InsertManyAsync<T>(IEnumerable<T> records, ChangeContext change, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(change);
        var map = store.Map(typeof(T));
        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, map, records, change, cancellationToken).ConfigureAwait(false);
            return;
        }

        // SQLite: one prepared statement reused for every row is its fastest bulk path.
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        var placeholders = new List<string>();
        for (var i = 0; i < map.InsertColumns.Count; i++)
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            insert.Parameters.Add(parameter);
            placeholders.Add(parameter.ParameterName);
        }

        insert.CommandText = $"INSERT INTO {map.QualifiedTable} ({string.Join(", ", map.InsertColumns)}) VALUES ({string.Join(", ", placeholders)})";
        await using var audit = map.Audited ? AuditCommand() : null;
        var at = Dialect.ToDb(store.Time.GetUtcNow());
        var values = new List<object>(map.InsertColumns.Count);
        var parametersOfInsert = insert.Parameters;
        foreach (var record in records)
        {
            Prepare(map, record);
            values.Clear();
            map.WriteValues(record, Dialect, values);
            for (var i = 0; i < values.Count; i++)
            {
                parametersOfInsert[i].Value = values[i];
            }

            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (audit is not null)
            {
                SetAudit(audit, map, map.RecordId(record), "insert", change, at, null, AuditJson.Write(map, record));
                await audit.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task UpdateAsync(object record, ChangeContext change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(change);
        var map = store.Map(record.GetType());
        var key = map.RequireKey().Get(record);
        var id = RecordMap.KeyText(key);
        CheckReason(map, id, change);
        var old = await LockCurrentAsync(map, record, key, id, cancellationToken).ConfigureAwait(false);
        var values = new List<object>(map.InsertColumns.Count);
        map.WriteValues(record, Dialect, values);
        var parameters = new SqlParameters();
        var sets = new List<string>();
        for (var i = 0; i < map.InsertColumns.Count; i++)
        {
            var column = i < map.Columns.Count ? map.Columns[i] : null;
            if (column is { IsKey: true } or { IsVersion: true })
            {
                continue;
            }

            sets.Add($"{map.InsertColumns[i]} = {parameters.Add(values[i])}");
        }

        var sql = new StringBuilder($"UPDATE {map.QualifiedTable} SET ");
        if (map.Version is { } version)
        {
            sets.Add($"{version.QuotedColumn} = {version.QuotedColumn} + 1");
        }

        sql.Append(string.Join(", ", sets)).Append($" WHERE {map.RequireKey().QuotedColumn} = {parameters.Add(Dialect.ToDb(key))}");
        var expected = map.Version is null ? 0L : (long)map.Version.Get(record)!;
        if (map.Version is not null)
        {
            sql.Append($" AND {map.Version.QuotedColumn} = {parameters.Add(expected)}");
        }

        await using (var command = Command(sql.ToString(), parameters))
        {
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new ConcurrencyConflictException(map.Table, id, expected, -1);
            }
        }

        map.Version?.Set(record, expected + 1);
        if (map.Audited)
        {
            await AuditAsync(map, id, "update", change, AuditJson.Write(map, old), AuditJson.Write(map, record), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task DeleteAsync(object record, ChangeContext change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(change);
        var map = store.Map(record.GetType());
        var key = map.RequireKey().Get(record);
        var id = RecordMap.KeyText(key);
        CheckReason(map, id, change);
        var old = await LockCurrentAsync(map, record, key, id, cancellationToken).ConfigureAwait(false);
        var parameters = new SqlParameters();
        var sql = $"DELETE FROM {map.QualifiedTable} WHERE {map.RequireKey().QuotedColumn} = {parameters.Add(Dialect.ToDb(key))}";
        await using (var command = Command(sql, parameters))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (map.Audited)
        {
            await AuditAsync(map, id, "delete", change, AuditJson.Write(map, old), null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the stored row under a write lock and checks its version against the caller's.</summary>
    private async Task<object> LockCurrentAsync(RecordMap map, object record, object? key, string id, CancellationToken cancellationToken)
    {
        var parameters = new SqlParameters();
        var sql = $"SELECT {map.SelectList} FROM {map.QualifiedTable} WHERE {map.RequireKey().QuotedColumn} = {parameters.Add(Dialect.ToDb(key))}{Dialect.LockForUpdate}";
        var rows = await ReadAsync(map, sql, parameters, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            throw new RecordNotFoundException(map.Table, id);
        }

        if (map.Version is { } version)
        {
            var expected = (long)version.Get(record)!;
            var actual = (long)version.Get(rows[0])!;
            if (expected != actual)
            {
                throw new ConcurrencyConflictException(map.Table, id, expected, actual);
            }
        }

        return rows[0];
    }

    private static void CheckReason(RecordMap map, string id, ChangeContext change)
    {
        if (map.ReasonRequired && change.Reason is null)
        {
            throw new ReasonRequiredException(map.Table, id);
        }
    }

    private static void Prepare(RecordMap map, object record)
    {
        if (map.Key is { } key && key.ValueType == typeof(Guid) && key.Get(record) is Guid g && g == Guid.Empty)
        {
            key.Set(record, Guid.CreateVersion7());
        }

        map.Version?.Set(record, 1L);
    }

    private async Task IncludeAsync(RecordMap map, IReadOnlyList<object> owners, Include include, CancellationToken cancellationToken)
    {
        if (owners.Count == 0)
        {
            return;
        }

        var related = store.Map(include.RelatedType);
        var navigation = NavigationOf(map, include);
        if (include.Many)
        {
            var foreignKey = new CriteriaTranslator(related, Dialect, new SqlParameters()).Column(include.ForeignKey);
            var key = map.RequireKey();
            var children = await LoadWhereInAsync(related, foreignKey, owners.Select(key.Get).OfType<object>().Distinct().ToList(), cancellationToken).ConfigureAwait(false);
            var byParent = children.ToLookup(foreignKey.Get);
            var listType = typeof(List<>).MakeGenericType(include.RelatedType);
            foreach (var owner in owners)
            {
                var list = (IList)Activator.CreateInstance(listType)!;
                foreach (var child in byParent[key.Get(owner)])
                {
                    list.Add(child);
                }

                navigation.SetValue(owner, list);
            }
        }
        else
        {
            var foreignKey = new CriteriaTranslator(map, Dialect, new SqlParameters()).Column(include.ForeignKey);
            var relatedKey = related.RequireKey();
            var keys = owners.Select(foreignKey.Get).OfType<object>().Distinct().ToList();
            var found = (await LoadWhereInAsync(related, relatedKey, keys, cancellationToken).ConfigureAwait(false)).ToDictionary(r => relatedKey.Get(r)!);
            foreach (var owner in owners)
            {
                if (foreignKey.Get(owner) is { } k && found.TryGetValue(k, out var target))
                {
                    navigation.SetValue(owner, target);
                }
            }
        }
    }

    private static System.Reflection.PropertyInfo NavigationOf(RecordMap map, Include include)
    {
        var body = include.Navigation.Body;
        while (body is System.Linq.Expressions.UnaryExpression { NodeType: System.Linq.Expressions.ExpressionType.Convert } u)
        {
            body = u.Operand;
        }

        return body is System.Linq.Expressions.MemberExpression { Member: System.Reflection.PropertyInfo property } && property.CanWrite
            ? property
            : throw new NotSupportedException($"The include '{include.Navigation}' of {map.Type.Name} must name a settable property.");
    }

    private async Task<List<object>> LoadWhereInAsync(RecordMap map, ColumnMap column, IReadOnlyList<object> values, CancellationToken cancellationToken)
    {
        var result = new List<object>();
        for (var start = 0; start < values.Count; start += InChunk)
        {
            var parameters = new SqlParameters();
            var names = values.Skip(start).Take(InChunk).Select(v => parameters.Add(Dialect.ToDb(v)));
            var sql = $"SELECT {map.SelectList} FROM {map.QualifiedTable} WHERE {column.QuotedColumn} IN ({string.Join(", ", names)})";
            result.AddRange(await ReadAsync(map, sql, parameters, cancellationToken).ConfigureAwait(false));
        }

        return result;
    }

    private async Task<List<object>> ReadAsync(RecordMap map, string sql, SqlParameters parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<object>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(map.Read(reader));
        }

        return rows;
    }

    private DbCommand Command(string sql, SqlParameters? parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        parameters?.ApplyTo(command);
        return command;
    }

    private async Task AuditAsync(RecordMap map, string id, string action, ChangeContext change, string? oldJson, string? newJson, CancellationToken cancellationToken)
    {
        await using var command = AuditCommand();
        SetAudit(command, map, id, action, change, Dialect.ToDb(store.Time.GetUtcNow()), oldJson, newJson);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private DbCommand AuditCommand()
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO danvan_audit (plugin_id, record_type, record_id, action, actor_user_id, actor_unit_id, at, old_json, new_json, reason)"
            + " VALUES (@a0, @a1, @a2, @a3, @a4, @a5, @a6, @a7, @a8, @a9)";
        for (var i = 0; i < 10; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@a" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private void SetAudit(DbCommand command, RecordMap map, string id, string action, ChangeContext change, object at, string? oldJson, string? newJson)
    {
        var p = command.Parameters;
        p[0].Value = store.PluginId;
        p[1].Value = map.Table;
        p[2].Value = id;
        p[3].Value = action;
        p[4].Value = change.UserId;
        p[5].Value = change.UnitId;
        p[6].Value = at;
        p[7].Value = (object?)oldJson ?? DBNull.Value;
        p[8].Value = (object?)newJson ?? DBNull.Value;
        p[9].Value = (object?)change.Reason ?? DBNull.Value;
    }

    private async Task SetReadOnlyAsync(bool on, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Dialect.Kind == DataDialect.Sqlite
            ? $"PRAGMA query_only = {(on ? 1 : 0)}"
            : $"SET SESSION CHARACTERISTICS AS TRANSACTION {(on ? "READ ONLY" : "READ WRITE")}";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<(string Name, object? Value)> ParametersOf(object? parameters)
    {
        switch (parameters)
        {
            case null:
                yield break;
            case IReadOnlyDictionary<string, object?> dictionary:
                foreach (var (name, value) in dictionary)
                {
                    yield return (name.TrimStart('@'), value);
                }

                break;
            default:
                foreach (var property in parameters.GetType().GetProperties())
                {
                    yield return (property.Name, property.GetValue(parameters));
                }

                break;
        }
    }

    [GeneratedRegex(@"^\s*(select|with)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReadOnlyStart();

    [GeneratedRegex(@"\b(insert|update|delete|merge|alter|drop|create|truncate|grant|revoke|attach|detach|pragma|vacuum|reindex|copy)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Writing();
}
