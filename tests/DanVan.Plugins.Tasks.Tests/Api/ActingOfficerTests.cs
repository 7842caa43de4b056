using DanVan.Plugins.Contracts.Tasks.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Api;

/// <summary>
/// The host contract for plugin APIs: the officer named in x-danvan-user-id is trusted only when the call
/// authenticated as one of the runtime's host callers; otherwise the call is refused before the plugin runs.
/// </summary>
public sealed class ActingOfficerTests : IAsyncLifetime
{
    private TasksApiHost api = null!;

    public async Task InitializeAsync() => api = await TasksApiHost.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    private static ListUnitAssignmentsRequest CommuneList => new() { UnitId = FakeEoffice.Commune };

    [Fact]
    public async Task HostCaller_WithoutOfficer_IsUnauthenticated()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => api.Client.ListUnitAssignmentsAsync(CommuneList).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("x-danvan-user-id", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonHostCaller_NamingAnOfficer_IsPermissionDenied_AndTheOfficerIsNeverLookedUp()
    {
        using var channel = api.Host.CreateChannel(TasksApiHost.IntegratorToken);
        var client = new TasksService.TasksServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.ListUnitAssignmentsAsync(CommuneList, TasksApiHost.As(FakeUsers.CommuneOfficer)).ResponseAsync);
        var withoutOfficer = await Assert.ThrowsAsync<RpcException>(() => client.ListUnitAssignmentsAsync(CommuneList).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("'integrator' is not an e-office host caller", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unauthenticated, withoutOfficer.StatusCode);
        Assert.DoesNotContain(FakeUsers.CommuneOfficer, api.Eoffice.UserRequests);
    }

    [Fact]
    public async Task NoToken_NamingAnOfficer_IsUnauthenticated()
    {
        using var channel = api.Host.CreateChannel(token: null);

        var ex = await Assert.ThrowsAsync<RpcException>(() => new TasksService.TasksServiceClient(channel).ListUnitAssignmentsAsync(CommuneList, TasksApiHost.As(FakeUsers.CommuneOfficer)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task AnyConfiguredHostCaller_ActsForTheOfficerItNames()
    {
        using var channel = api.Host.CreateChannel(TasksApiHost.HostToken);
        var client = new TasksService.TasksServiceClient(channel);

        var own = await client.ListUnitAssignmentsAsync(CommuneList, TasksApiHost.As(FakeUsers.CommuneOfficer));
        var other = await Assert.ThrowsAsync<RpcException>(() => client.ListUnitAssignmentsAsync(CommuneList, TasksApiHost.As(FakeUsers.OtherCommuneOfficer)).ResponseAsync);

        // The same request is allowed for xã Tân Hưng's officer and refused for phường Phố Hiến's: the plugin saw who was named.
        Assert.Empty(own.Assignments);
        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
        Assert.Contains(FakeUsers.CommuneOfficer, api.Eoffice.UserRequests);
        Assert.Contains(FakeUsers.OtherCommuneOfficer, api.Eoffice.UserRequests);
    }

    [Fact]
    public async Task TwoOfficersInOneCall_AreRefusedAsInvalid()
    {
        var headers = TasksApiHost.As(FakeUsers.CommuneOfficer);
        headers.Add("x-danvan-user-id", FakeUsers.Appraiser);

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.Client.ListUnitAssignmentsAsync(CommuneList, headers).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(["x-danvan-user-id"], TasksApiHost.Fields(ex));
    }
}
