using System.Data;
using System.Data.Common;
using DanVan.Plugins.Storage;

namespace DanVan.Plugins.Jobs.Tests.Infrastructure;

/// <summary>A connector that reports each connection it handed out being closed (the end of a unit of work).</summary>
public sealed class ObservedConnector(DatabaseConnector inner) : DatabaseConnector
{
    public event Action? ConnectionClosed;

    public override StorageProvider Provider => inner.Provider;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = await inner.OpenAsync(cancellationToken);
        connection.StateChange += (_, e) =>
        {
            if (e.CurrentState == ConnectionState.Closed)
            {
                ConnectionClosed?.Invoke();
            }
        };
        return connection;
    }
}
