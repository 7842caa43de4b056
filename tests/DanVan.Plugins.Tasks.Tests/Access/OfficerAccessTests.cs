using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Tasks.Access;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Access;

/// <summary>OfficerAccess against the fake e-office's DirectoryService over real h2c: roles, the 60 s cache on the clock, unknown and inactive users, a host that is down.</summary>
public sealed class OfficerAccessTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero));
    private FakeEoffice eoffice = null!;
    private GrpcChannel channel = null!;

    public async Task InitializeAsync()
    {
        eoffice = await FakeEoffice.StartAsync();
        channel = GrpcChannel.ForAddress(eoffice.Address, new GrpcChannelOptions { Credentials = CallCredentials.FromBearerToken(FakeEoffice.RuntimeToken) });
    }

    public async Task DisposeAsync()
    {
        channel.Dispose();
        await eoffice.DisposeAsync();
    }

    private OfficerAccess Access() => new(new DirectoryService.DirectoryServiceClient(channel), clock);

    [Fact]
    public async Task RolesComeFromTheDirectory_AndAreAskedOncePerMinute()
    {
        var access = Access();

        var first = await access.GetAsync(FakeUsers.Appraiser, CancellationToken.None);
        var again = await access.GetAsync(FakeUsers.Appraiser, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(59));
        var stillCached = await access.GetAsync(FakeUsers.Appraiser, CancellationToken.None);
        var callsWithinAMinute = eoffice.UserRequests.Count;
        clock.Advance(TimeSpan.FromSeconds(2));
        await access.GetAsync(FakeUsers.Appraiser, CancellationToken.None);

        Assert.Equal("Lê Thị Thẩm", first.FullName);
        Assert.Equal([new RoleGrant(Role.HomeAffairsAppraiser, FakeEoffice.HomeAffairs)], first.Roles);
        Assert.True(first.ReadsProvince);
        Assert.Same(first, again);
        Assert.Same(first, stillCached);
        Assert.Equal(1, callsWithinAMinute);
        Assert.Equal(2, eoffice.UserRequests.Count);
    }

    [Fact]
    public async Task UnknownOrInactiveUsers_HaveNoRoles()
    {
        var access = Access();

        var unknown = await access.GetAsync(FakeUsers.Unknown, CancellationToken.None);
        var retired = await access.GetAsync(FakeUsers.Retired, CancellationToken.None);

        Assert.Empty(unknown.Roles);
        Assert.Empty(retired.Roles);
        Assert.False(retired.CanRead(FakeEoffice.Commune));
    }

    [Fact]
    public async Task HostDown_TheRpcExceptionPropagates()
    {
        var access = Access();
        await eoffice.DisposeAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => access.GetAsync(FakeUsers.CommuneOfficer, CancellationToken.None));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }

    [Fact]
    public async Task NoHostConfigured_IsUnavailable()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => new OfficerAccess(null, clock).GetAsync(FakeUsers.CommuneOfficer, CancellationToken.None));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }
}
