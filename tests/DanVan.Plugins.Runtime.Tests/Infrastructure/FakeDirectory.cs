using System.Net;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Runtime.Tests.Infrastructure;

/// <summary>
/// A stand-in e-office directory (danvan.host.v1 DirectoryService.GetUser only) on a real Kestrel h2c port,
/// so the runtime reaches it as it reaches a vendor's host: over sockets, with its bearer token.
/// </summary>
internal sealed class FakeDirectory : DirectoryService.DirectoryServiceBase, IAsyncDisposable
{
    public const string RuntimeToken = "runtime-to-host-token-3f1e2d4c5b6a7988";

    private readonly Dictionary<string, User> _users = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private WebApplication? _app;
    private int _calls;

    public Uri Address { get; private set; } = null!;

    public int GetUserCalls => Volatile.Read(ref _calls);

    public static async Task<FakeDirectory> StartAsync()
    {
        var directory = new FakeDirectory();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0)));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(directory);
        directory._app = builder.Build();
        directory._app.MapGrpcService<FakeDirectory>();
        await directory._app.StartAsync();
        var address = directory._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        directory.Address = new Uri(address);
        return directory;
    }

    /// <summary>Adds (or replaces) a user holding <paramref name="roles"/> in the given units.</summary>
    public void AddUser(string id, bool active = true, params (Role Role, string OrgUnitId)[] roles)
    {
        var user = new User { Id = id, FullName = "Cán bộ " + id, Active = active, PrimaryOrgUnitId = roles.Length > 0 ? roles[0].OrgUnitId : "" };
        user.RoleAssignments.AddRange(roles.Select(r => new RoleAssignment { Role = r.Role, OrgUnitId = r.OrgUnitId }));
        lock (_lock)
        {
            _users[id] = user;
        }
    }

    public void Configure(PluginRuntimeOptions options)
    {
        options.HostAddress = Address;
        options.HostToken = RuntimeToken;
    }

    public override Task<GetUserResponse> GetUser(GetUserRequest request, ServerCallContext context)
    {
        Interlocked.Increment(ref _calls);
        if (context.RequestHeaders.GetValue("authorization") != "Bearer " + RuntimeToken)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "wrong runtime token"));
        }

        lock (_lock)
        {
            return _users.TryGetValue(request.UserId, out var user)
                ? Task.FromResult(new GetUserResponse { User = user })
                : throw new RpcException(new Status(StatusCode.NotFound, $"No user {request.UserId}."));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
