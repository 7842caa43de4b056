using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Tasks.Extraction.Resolution;
using DanVan.Plugins.Tasks.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Tasks.Tests.Resolution;

/// <summary>
/// The resolver against a host's DirectoryService over gRPC (HTTP/2 on TestServer): the adapter the
/// plugin registers, the contract's request fields (as_of, context) and its error path.
/// </summary>
public sealed class DirectoryServiceResolutionTests : IAsyncLifetime
{
    private WebApplication? app;
    private GrpcChannel? channel;
    private readonly HostDirectory host = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(host);
        app = builder.Build();
        app.MapGrpcService<HostDirectoryService>();
        await app.StartAsync();
        var server = app.GetTestServer();
        channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler(), DisposeHttpHandler = true });
    }

    public async Task DisposeAsync()
    {
        channel?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Seed003_ViaUnit_ResolvesThroughTheHost_AsOfTheDocumentDate_InTheIssuersContext()
    {
        var resolver = new UnitResolver(new DirectoryServiceUnitDirectory(new DirectoryService.DirectoryServiceClient(channel!)));
        var draft = Fixtures.Extract(Fixtures.Seed(Fixtures.Seed003));

        var resolved = await resolver.ResolveAsync(draft, SampleDirectory.ThapMuoiDistrict, CancellationToken.None);
        var via = resolved.For(draft.Items[3].Reports[0].Via!.Value);

        Assert.Equal(UnitResolutionStatus.Dissolved, via.Status);
        Assert.Equal(SampleDirectory.ThapMuoiHomeAffairs, via.Unit!.Id);
        Assert.Equal(SampleDirectory.ThapMuoiCommune, via.SuggestedUnit!.Id);
        var request = host.Requests.First(r => r.Text == "Phòng Nội vụ huyện");
        Assert.Equal((2023, 11, 1), (request.AsOf.Year, request.AsOf.Month, request.AsOf.Day));
        Assert.Equal(SampleDirectory.ThapMuoiDistrict, request.ContextOrgUnitId);
        Assert.DoesNotContain(host.Requests, r => r.Text.StartsWith("Ủy ban nhân dân các xã", StringComparison.Ordinal)); // groups need no lookup
    }

    [Fact]
    public async Task HostError_LeavesTheNameAsText()
    {
        host.Fail = true;
        var resolver = new UnitResolver(new DirectoryServiceUnitDirectory(new DirectoryService.DirectoryServiceClient(channel!)));

        var r = await resolver.ResolveAsync(new Tasks.Extraction.UnitMention("Sở Nội vụ", Tasks.Extraction.UnitGroup.None), null, null, CancellationToken.None);

        Assert.Equal(UnitResolutionStatus.LookupFailed, r.Status);
        Assert.Equal("Sở Nội vụ", r.Mention.Name);
    }

    internal sealed class HostDirectory
    {
        public InMemoryUnitDirectory Directory { get; } = new(SampleDirectory.Units(), new FixedClock(SampleDirectory.Today));

        public List<ResolveOrgUnitRequest> Requests { get; } = [];

        public bool Fail { get; set; }
    }

    internal sealed class HostDirectoryService(HostDirectory host) : DirectoryService.DirectoryServiceBase
    {
        public override Task<ResolveOrgUnitResponse> ResolveOrgUnit(ResolveOrgUnitRequest request, ServerCallContext context)
        {
            lock (host.Requests)
            {
                host.Requests.Add(request);
            }

            if (host.Fail)
            {
                throw new RpcException(new Status(StatusCode.Unavailable, "danh mục đơn vị tạm ngừng"));
            }

            return host.Directory.ResolveAsync(request, context.CancellationToken);
        }
    }
}
