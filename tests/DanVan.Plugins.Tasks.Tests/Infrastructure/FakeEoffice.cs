using System.Collections.Concurrent;
using System.Net;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Tasks.Extraction.Resolution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Tasks.Tests.Infrastructure;

/// <summary>
/// The edge of the plugin tests: a stand-in e-office serving danvan.host.v1 DocumentsService.GetDocument
/// (seed 001 as vb-001-chi-thi-ubnd-tinh-2022, an empty document, one only its issuer may read) and
/// DirectoryService.GetUser/ResolveOrgUnit (a few Hưng Yên units), on a real Kestrel h2c port, so
/// the runtime and the plugin reach it over sockets with the runtime's bearer token.
/// </summary>
internal sealed class FakeEoffice : IAsyncDisposable
{
    public const string RuntimeToken = "tasks-tests-runtime-to-host-7b1c";
    public const string Seed001Id = "vb-001-chi-thi-ubnd-tinh-2022";
    public const string EmptyId = "vb-trong";
    public const string SecretId = "vb-mat";
    public const string Officer = "u-tan-hung-can-bo";
    public const string Commune = "xa-tan-hung";
    public const string HomeAffairs = "so-noi-vu-hung-yen";

    private WebApplication? app;

    public Uri Address { get; private set; } = null!;

    /// <summary>Every GetDocument request, in order.</summary>
    public ConcurrentQueue<GetDocumentRequest> DocumentRequests { get; } = new();

    public InMemoryUnitDirectory Directory { get; } = new(Units(), new FixedClock(new DateTimeOffset(2026, 11, 21, 3, 0, 0, TimeSpan.Zero)));

    public static async Task<FakeEoffice> StartAsync()
    {
        var eoffice = new FakeEoffice();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0)));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(eoffice);
        eoffice.app = builder.Build();
        eoffice.app.MapGrpcService<Documents>();
        eoffice.app.MapGrpcService<Directory_>();
        await eoffice.app.StartAsync();
        eoffice.Address = new Uri(eoffice.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return eoffice;
    }

    public void Configure(Runtime.PluginRuntimeOptions options)
    {
        options.HostAddress = Address;
        options.HostToken = RuntimeToken;
    }

    public static Document Seed001() => new()
    {
        Id = Seed001Id,
        Direction = DocumentDirection.Incoming,
        IssuerName = "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN",
        IssuerOrgUnitId = "ubnd-tinh-hung-yen",
        Number = "05",
        Notation = "CT-UBND",
        CodeAsPrinted = "05/CT-UBND",
        Kind = DocumentKind.Directive,
        KindName = "CHỈ THỊ",
        IssueDate = new Date { Year = 2022, Month = 2, Day = 21 },
        Place = "Hưng Yên",
        Subject = "Về việc tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới",
        FullText = Fixtures.Seed(Fixtures.Seed001),
        TextFormat = TextFormat.Plain,
    };

    private static void CheckToken(ServerCallContext context)
    {
        if (context.RequestHeaders.GetValue("authorization") != "Bearer " + RuntimeToken)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "wrong runtime token"));
        }
    }

    private static OrgUnit[] Units() =>
    [
        new() { Id = "ubnd-tinh-hung-yen", Type = OrgUnitType.ProvincialPeoplesCommittee, FullName = "Ủy ban nhân dân tỉnh Hưng Yên", ShortName = "UBND tỉnh" },
        new() { Id = HomeAffairs, ParentId = "ubnd-tinh-hung-yen", Type = OrgUnitType.ProvincialDepartment, FullName = "Sở Nội vụ tỉnh Hưng Yên", ShortName = "Sở Nội vụ" },
        new() { Id = Commune, ParentId = "ubnd-tinh-hung-yen", Type = OrgUnitType.CommunePeoplesCommittee, FullName = "Ủy ban nhân dân xã Tân Hưng", ShortName = "UBND xã Tân Hưng" },
    ];

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    private sealed class Documents(FakeEoffice eoffice) : DocumentsService.DocumentsServiceBase
    {
        public override Task<GetDocumentResponse> GetDocument(GetDocumentRequest request, ServerCallContext context)
        {
            CheckToken(context);
            eoffice.DocumentRequests.Enqueue(request);
            return request.DocumentId switch
            {
                Seed001Id => Task.FromResult(new GetDocumentResponse { Document = Seed001() }),
                EmptyId => Task.FromResult(new GetDocumentResponse { Document = new Document { Id = EmptyId, KindName = "CÔNG VĂN", CodeAsPrinted = "12/UBND-VP", Subject = "V/v bản quét" } }),
                SecretId when request.ActingUserId == "u-admin-tinh" => Task.FromResult(new GetDocumentResponse { Document = Seed001() }),
                SecretId => throw new RpcException(new Status(StatusCode.PermissionDenied, "not for this user")),
                _ => throw new RpcException(new Status(StatusCode.NotFound, $"No document {request.DocumentId}.")),
            };
        }
    }

    private sealed class Directory_(FakeEoffice eoffice) : DirectoryService.DirectoryServiceBase
    {
        public override Task<GetUserResponse> GetUser(GetUserRequest request, ServerCallContext context)
        {
            CheckToken(context);
            var user = new User { Id = request.UserId, FullName = "Cán bộ " + request.UserId, Active = true, PrimaryOrgUnitId = Commune };
            user.RoleAssignments.Add(new RoleAssignment { Role = Role.CommuneOfficer, OrgUnitId = Commune });
            return Task.FromResult(new GetUserResponse { User = user });
        }

        public override Task<ResolveOrgUnitResponse> ResolveOrgUnit(ResolveOrgUnitRequest request, ServerCallContext context)
        {
            CheckToken(context);
            return eoffice.Directory.ResolveAsync(request, context.CancellationToken);
        }
    }
}
