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
internal sealed partial class FakeEoffice : IAsyncDisposable
{
    public const string RuntimeToken = "tasks-tests-runtime-to-host-7b1c";
    public const string Seed001Id = "vb-001-chi-thi-ubnd-tinh-2022";
    public const string EmptyId = "vb-trong";
    public const string SecretId = "vb-mat";
    public const string ReportId = "vb-bao-cao-tan-hung";
    public const string NoUnitsId = "vb-khong-don-vi";

    /// <summary>A công văn of the province whose two items name no unit and whose opening addresses none.</summary>
    public const string NoUnitsText = """
        ỦY BAN NHÂN DÂN
        TỈNH HƯNG YÊN

        Số: 20/UBND-NV
        V/v tập huấn công tác dân vận chính quyền

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc

        Hưng Yên, ngày 01 tháng 10 năm 2026

        Để nâng cao chất lượng công tác dân vận chính quyền, thực hiện các nội dung sau:

        1. Tổ chức tập huấn nghiệp vụ công tác dân vận chính quyền, hoàn thành trước ngày 30/12/2026.

        2. Tổng hợp kết quả tập huấn, hoàn thành trước ngày 31/12/2026.
        """;
    public const string Officer = "u-tan-hung-can-bo";
    public const string Commune = "xa-tan-hung";
    public const string HomeAffairs = "so-noi-vu-hung-yen";

    private WebApplication? app;

    /// <summary>Seed 001 as the e-office serves it now: set to simulate the document being edited after an officer opened it.</summary>
    public Func<Document, Document> Seed001Now { get; set; } = d => d;

    public Uri Address { get; private set; } = null!;

    /// <summary>Every GetUser request's user id, in order.</summary>
    public ConcurrentQueue<string> UserRequests { get; } = new();

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
        eoffice.app.MapGrpcService<Notifications_>();
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

    /// <summary>Xã Tân Hưng's report (evidence for progress reports), with one attachment "tep-1".</summary>
    public static Document Report()
    {
        var document = new Document { Id = ReportId, Direction = DocumentDirection.Outgoing, IssuerOrgUnitId = Commune, CodeAsPrinted = "45/BC-UBND", KindName = "BÁO CÁO", Subject = "Kết quả thực hiện công tác dân vận chính quyền năm 2026" };
        document.Attachments.Add(new Attachment { Id = "tep-1", DocumentId = ReportId, FileName = "bao-cao-dan-van-2026.pdf", MediaType = "application/pdf" });
        return document;
    }

    private static void CheckToken(ServerCallContext context)
    {
        if (context.RequestHeaders.GetValue("authorization") != "Bearer " + RuntimeToken)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "wrong runtime token"));
        }
    }

    /// <summary>Hưng Yên after 01/7/2025: the province, two departments, two communes, a district dissolved into them, and a commune of another province.</summary>
    public static OrgUnit[] Units() =>
    [
        new() { Id = "ubnd-tinh-hung-yen", Type = OrgUnitType.ProvincialPeoplesCommittee, FullName = "Ủy ban nhân dân tỉnh Hưng Yên", ShortName = "UBND tỉnh" },
        new() { Id = HomeAffairs, ParentId = "ubnd-tinh-hung-yen", Type = OrgUnitType.ProvincialDepartment, FullName = "Sở Nội vụ tỉnh Hưng Yên", ShortName = "Sở Nội vụ" },
        new() { Id = "so-tai-chinh-hung-yen", ParentId = "ubnd-tinh-hung-yen", Type = OrgUnitType.ProvincialDepartment, FullName = "Sở Tài chính tỉnh Hưng Yên", ShortName = "Sở Tài chính" },
        new() { Id = Commune, ParentId = "ubnd-tinh-hung-yen", Type = OrgUnitType.CommunePeoplesCommittee, FullName = "Ủy ban nhân dân xã Tân Hưng", ShortName = "UBND xã Tân Hưng", ValidFrom = new Date { Year = 2025, Month = 7, Day = 1 } },
        new() { Id = "phuong-pho-hien", ParentId = "ubnd-tinh-hung-yen", Type = OrgUnitType.CommunePeoplesCommittee, FullName = "Ủy ban nhân dân phường Phố Hiến", ShortName = "UBND phường Phố Hiến", ValidFrom = new Date { Year = 2025, Month = 7, Day = 1 } },
        new() { Id = "ubnd-huyen-tien-lu", ParentId = "ubnd-tinh-hung-yen", Type = OrgUnitType.DistrictPeoplesCommittee, FullName = "Ủy ban nhân dân huyện Tiên Lữ", ShortName = "UBND huyện Tiên Lữ", ValidTo = new Date { Year = 2025, Month = 6, Day = 30 } },
        new() { Id = "ubnd-tinh-ninh-binh", Type = OrgUnitType.ProvincialPeoplesCommittee, FullName = "Ủy ban nhân dân tỉnh Ninh Bình", ShortName = "UBND tỉnh Ninh Bình" },
        new() { Id = "ubnd-xa-xuan-truong", ParentId = "ubnd-tinh-ninh-binh", Type = OrgUnitType.CommunePeoplesCommittee, FullName = "Ủy ban nhân dân xã Xuân Trường", ShortName = "UBND xã Xuân Trường" },
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
                Seed001Id => Task.FromResult(new GetDocumentResponse { Document = eoffice.Seed001Now(Seed001()) }),
                NoUnitsId => Task.FromResult(new GetDocumentResponse { Document = new Document { Id = NoUnitsId, IssuerOrgUnitId = "ubnd-tinh-hung-yen", KindName = "CÔNG VĂN", CodeAsPrinted = "20/UBND-NV", FullText = NoUnitsText } }),
                EmptyId => Task.FromResult(new GetDocumentResponse { Document = new Document { Id = EmptyId, KindName = "CÔNG VĂN", CodeAsPrinted = "12/UBND-VP", Subject = "V/v bản quét" } }),
                ReportId => Task.FromResult(new GetDocumentResponse { Document = Report() }),
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
            eoffice.UserRequests.Enqueue(request.UserId);
            return FakeUsers.Find(request.UserId) is { } user
                ? Task.FromResult(new GetUserResponse { User = user })
                : throw new RpcException(new Status(StatusCode.NotFound, $"No user {request.UserId}."));
        }

        public override Task<GetOrgUnitResponse> GetOrgUnit(GetOrgUnitRequest request, ServerCallContext context)
        {
            CheckToken(context);
            return Units().FirstOrDefault(u => u.Id == request.OrgUnitId) is { } unit
                ? Task.FromResult(new GetOrgUnitResponse { OrgUnit = WithDeepLink(unit) })
                : throw new RpcException(new Status(StatusCode.NotFound, $"No unit {request.OrgUnitId}."));
        }

        /// <summary>Types, valid on as_of, under parent_id (every level: the tree is two deep); paging ignored.</summary>
        public override Task<ListOrgUnitsResponse> ListOrgUnits(ListOrgUnitsRequest request, ServerCallContext context)
        {
            CheckToken(context);
            var asOf = request.AsOf is { } d ? new DateOnly(d.Year, d.Month, d.Day) : new DateOnly(2026, 11, 21);
            var response = new ListOrgUnitsResponse();
            response.OrgUnits.AddRange(Units().Where(u =>
                (request.Types_.Count == 0 || request.Types_.Contains(u.Type))
                && (request.ParentId.Length == 0 || u.ParentId == request.ParentId)
                && (u.ValidFrom is null || new DateOnly(u.ValidFrom.Year, u.ValidFrom.Month, u.ValidFrom.Day) <= asOf)
                && (u.ValidTo is null || new DateOnly(u.ValidTo.Year, u.ValidTo.Month, u.ValidTo.Day) >= asOf)));
            return Task.FromResult(response);
        }

        public override Task<ResolveOrgUnitResponse> ResolveOrgUnit(ResolveOrgUnitRequest request, ServerCallContext context)
        {
            CheckToken(context);
            return eoffice.Directory.ResolveAsync(request, context.CancellationToken);
        }
    }
}
