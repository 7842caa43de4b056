using System.Collections.Concurrent;
using DanVan.Plugins.Interop.Tests.Infrastructure;

namespace DanVan.Plugins.Interop.Tests;

/// <summary>The python and node interop servers, started together once per test class and stopped on dispose.</summary>
public sealed class PeerServersFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<PeerServer>>> _servers = new();

    public Task InitializeAsync()
    {
        foreach (var peer in Peers.All)
        {
            _ = GetAsync(peer);
        }

        return Task.CompletedTask;
    }

    internal Task<PeerServer> GetAsync(string peer) =>
        _servers.GetOrAdd(peer, p => new Lazy<Task<PeerServer>>(() => PeerServer.StartAsync(p))).Value;

    public async Task DisposeAsync()
    {
        foreach (var server in _servers.Values)
        {
            PeerServer started;
            try
            {
                started = await server.Value;
            }
            catch (Exception)
            {
                continue; // The start failure was reported by the tests that awaited it.
            }

            await started.DisposeAsync();
        }
    }
}
