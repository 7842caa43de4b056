namespace DanVan.Plugins.Data;

/// <summary>Reads the plugin's records.</summary>
public interface IRecordReader
{
    /// <summary>The record with this key, or null.</summary>
    Task<T?> FindAsync<T>(object key, CancellationToken cancellationToken = default)
        where T : class, new();

    /// <summary>The records the specification selects, in its order, with its includes.</summary>
    Task<IReadOnlyList<T>> ListAsync<T>(Specification<T> specification, CancellationToken cancellationToken = default)
        where T : class, new();

    /// <summary>How many records meet the specification's criteria (ordering and paging ignored).</summary>
    Task<long> CountAsync<T>(Specification<T> specification, CancellationToken cancellationToken = default)
        where T : class, new();

    /// <summary>The first record the specification selects, or null.</summary>
    Task<T?> FirstOrDefaultAsync<T>(Specification<T> specification, CancellationToken cancellationToken = default)
        where T : class, new();

    /// <summary>
    /// A read-only SQL query for roll-ups (GROUP BY counts and the like): <c>{table:name}</c>
    /// placeholders name the plugin's tables, <c>@name</c> parameters come from
    /// <paramref name="parameters"/> (an anonymous object or an <c>IReadOnlyDictionary&lt;string, object?&gt;</c>),
    /// and each row maps to a <typeparamref name="TRow"/> by column name (snake_case or the
    /// property name). Anything but a single SELECT (or WITH … SELECT) is refused.
    /// </summary>
    Task<IReadOnlyList<TRow>> QueryAsync<TRow>(string sql, object? parameters = null, CancellationToken cancellationToken = default)
        where TRow : class, new();

    /// <summary>Every audit row of one record, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> AuditTrailAsync<T>(object key, CancellationToken cancellationToken = default)
        where T : class, new();
}
