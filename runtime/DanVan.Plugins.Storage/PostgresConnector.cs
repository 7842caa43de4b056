using System.Data.Common;
using Npgsql;

namespace DanVan.Plugins.Storage;

/// <summary>PostgreSQL through one pooled <see cref="NpgsqlDataSource"/> per runtime.</summary>
internal sealed class PostgresConnector(string connectionString) : DatabaseConnector
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public override StorageProvider Provider => StorageProvider.Postgres;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
