using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Bench.Tasks;

/// <summary>
/// The e-office as the tab pages need it, in memory: danvan.host.v1 DirectoryService with the
/// benchmark's province (ListOrgUnits, GetOrgUnit) and one officer, Sở Nội vụ's appraiser (GetUser).
/// The runtime reaches it through <see cref="Handler"/>, so the pages are timed without a socket to
/// the host (the plugin caches both answers, as in production).
/// </summary>
internal sealed class BenchEoffice : IAsyncDisposable
{
    public const string Appraiser = "u-snv-tham-dinh";
    public const string HomeAffairs = "so-001";

    private readonly WebApplication _app;

    private BenchEoffice(WebApplication app) => _app = app;

    public Uri Address => _app.GetTestServer().BaseAddress;

    public HttpMessageHandler Handler => _app.GetTestServer().CreateHandler();

    public static async Task<BenchEoffice> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<Directory>();
        await app.StartAsync();
        return new BenchEoffice(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed class Directory : DirectoryService.DirectoryServiceBase
    {
        private static readonly OrgUnit[] Units = [.. Province.Units()];

        public override Task<GetUserResponse> GetUser(GetUserRequest request, ServerCallContext context)
        {
            if (request.UserId != Appraiser)
            {
                throw new RpcException(new Status(StatusCode.NotFound, $"No user {request.UserId}."));
            }

            var user = new User { Id = Appraiser, FullName = "Nguyễn Thị Thu Hà", PrimaryOrgUnitId = HomeAffairs, Active = true };
            user.RoleAssignments.Add(new RoleAssignment { Role = Role.HomeAffairsAppraiser, OrgUnitId = HomeAffairs });
            return Task.FromResult(new GetUserResponse { User = user });
        }

        public override Task<GetOrgUnitResponse> GetOrgUnit(GetOrgUnitRequest request, ServerCallContext context) =>
            Units.FirstOrDefault(u => u.Id == request.OrgUnitId) is { } unit
                ? Task.FromResult(new GetOrgUnitResponse { OrgUnit = unit })
                : throw new RpcException(new Status(StatusCode.NotFound, $"No unit {request.OrgUnitId}."));

        /// <summary>The whole tree in one page, dissolved units included: what the dashboard's tree source asks for.</summary>
        public override Task<ListOrgUnitsResponse> ListOrgUnits(ListOrgUnitsRequest request, ServerCallContext context)
        {
            var response = new ListOrgUnitsResponse();
            response.OrgUnits.AddRange(Units.Where(u => request.ParentId.Length == 0 || u.ParentId == request.ParentId));
            return Task.FromResult(response);
        }
    }
}
