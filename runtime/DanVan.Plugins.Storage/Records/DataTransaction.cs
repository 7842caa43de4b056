using System.Data.Common;
using DanVan.Plugins.Data;

namespace DanVan.Plugins.Storage.Records;

/// <summary>A unit of work on one connection and transaction; rolled back on dispose unless committed.</summary>
internal sealed class DataTransaction(RecordSession session, DbConnection connection, DbTransaction transaction) : IDataTransaction
{
    private bool _done;

    public Task<T?> FindAsync<T>(object key, CancellationToken cancellationToken = default)
        where T : class, new() => Live().FindAsync<T>(key, cancellationToken);

    public Task<IReadOnlyList<T>> ListAsync<T>(Specification<T> specification, CancellationToken cancellationToken = default)
        where T : class, new() => Live().ListAsync(specification, null, cancellationToken);

    public Task<long> CountAsync<T>(Specification<T> specification, CancellationToken cancellationToken = default)
        where T : class, new() => Live().CountAsync(specification, cancellationToken);

    public async Task<T?> FirstOrDefaultAsync<T>(Specification<T> specification, CancellationToken cancellationToken = default)
        where T : class, new() => (await Live().ListAsync(specification, 1, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public Task<IReadOnlyList<TRow>> QueryAsync<TRow>(string sql, object? parameters = null, CancellationToken cancellationToken = default)
        where TRow : class, new() => Live().QueryAsync<TRow>(sql, parameters, cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> AuditTrailAsync<T>(object key, CancellationToken cancellationToken = default)
        where T : class, new() => Live().AuditTrailAsync<T>(key, cancellationToken);

    public Task InsertAsync<T>(T record, ChangeContext change, CancellationToken cancellationToken = default)
        where T : class, new() => Live().InsertAsync(record, change, cancellationToken);

    public Task InsertManyAsync<T>(IEnumerable<T> records, ChangeContext change, CancellationToken cancellationToken = default)
        where T : class, new() => Live().InsertManyAsync(records, change, cancellationToken);

    public Task UpdateAsync<T>(T record, ChangeContext change, CancellationToken cancellationToken = default)
        where T : class, new() => Live().UpdateAsync(record, change, cancellationToken);

    public Task DeleteAsync<T>(T record, ChangeContext change, CancellationToken cancellationToken = default)
        where T : class, new() => Live().DeleteAsync(record, change, cancellationToken);

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        Live();
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _done = true;
    }

    public async ValueTask DisposeAsync()
    {
        _done = true;
        await transaction.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private RecordSession Live() => _done ? throw new InvalidOperationException("The unit of work was already committed or disposed.") : session;
}
