namespace DanVan.Plugins.Data;

/// <summary>Changes the plugin's records; each change is audited with its <see cref="ChangeContext"/>.</summary>
public interface IRecordWriter
{
    /// <summary>Inserts the record; sets its version to 1 (and an empty Guid key to a new one).</summary>
    Task InsertAsync<T>(T record, ChangeContext change, CancellationToken cancellationToken = default)
        where T : class, new();

    /// <summary>Inserts many records at once (bulk; COPY on PostgreSQL), all or none.</summary>
    Task InsertManyAsync<T>(IEnumerable<T> records, ChangeContext change, CancellationToken cancellationToken = default)
        where T : class, new();

    /// <summary>
    /// Stores the record's values if its version is still the stored one, then increments its
    /// version. Throws <see cref="ConcurrencyConflictException"/> for a stale version,
    /// <see cref="RecordNotFoundException"/> when it is gone and <see cref="ReasonRequiredException"/>
    /// when a reason is required and missing — writing nothing in each case.
    /// </summary>
    Task UpdateAsync<T>(T record, ChangeContext change, CancellationToken cancellationToken = default)
        where T : class, new();

    /// <summary>Deletes the record if its version is still the stored one; same refusals as <see cref="UpdateAsync{T}"/>.</summary>
    Task DeleteAsync<T>(T record, ChangeContext change, CancellationToken cancellationToken = default)
        where T : class, new();
}
