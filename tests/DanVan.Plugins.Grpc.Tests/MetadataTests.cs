using DanVan.Plugins.Grpc.Tests.Infrastructure;
using DanVan.Plugins.Interop.V1;

namespace DanVan.Plugins.Grpc.Tests;

public sealed class MetadataTests
{
    private static readonly byte[] Binary = [0, 1, 2, 0xFE, 0xFF];

    [Fact]
    public async Task EchoAsync_AsciiAndBinaryRequestHeaders_VisibleToServer()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        await client.EchoAsync(new EchoRequest(), new Metadata
        {
            { "x-ascii", "plain value" },
            { "X-Mixed-Case", "v" },
            { "x-data-bin", Binary },
            { "x-repeated", "one" },
            { "x-repeated", "two" },
        });

        var headers = Assert.Single(host.State.RequestHeaders);
        Assert.Equal("plain value", headers.GetValue("x-ascii"));
        Assert.Equal("v", headers.GetValue("x-mixed-case"));
        Assert.Equal(Binary, headers.GetValueBytes("x-data-bin"));
        Assert.True(headers.Get("x-data-bin")!.IsBinary);
        Assert.Equal(["one", "two"], headers.GetAll("x-repeated").SelectMany(e => e.Value.Split(',', StringSplitOptions.TrimEntries)));
        Assert.Null(headers.Get("content-type"));
        Assert.Null(headers.Get("te"));
        Assert.Null(headers.Get("grpc-accept-encoding"));
    }

    [Fact]
    public async Task RawEcho_PaddedAndUnpaddedBase64BinHeaders_DecodedByServer()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();
        var request = RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame(new EchoRequest()));
        request.Headers.TryAddWithoutValidation("x-padded-bin", "AAEC/v8=");
        request.Headers.TryAddWithoutValidation("x-unpadded-bin", "AAEC/v8");

        using var response = await RawGrpc.SendAsync(http, request);
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("0", RawGrpc.Header(response.TrailingHeaders, "grpc-status"));
        var headers = Assert.Single(host.State.RequestHeaders);
        Assert.Equal(Binary, headers.GetValueBytes("x-padded-bin"));
        Assert.Equal(Binary, headers.GetValueBytes("x-unpadded-bin"));
    }

    [Fact]
    public async Task EchoAsync_EchoInitialHeader_ArrivesAsResponseHeader()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        using var call = client.EchoAsync(new EchoRequest { Message = "h" }, new Metadata { { TestInteropService.EchoInitialHeader, "initial-value" } });
        var headers = await call.ResponseHeadersAsync;
        await call;

        Assert.Equal("initial-value", headers.GetValue(TestInteropService.EchoInitialHeader));
    }

    [Fact]
    public async Task ServerStream_EchoInitialHeader_ResponseHeadersAvailableBeforeAnyRead()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var release = InteropState.NewSignal();
        host.State.AfterStreamItem = _ => release.Task;
        var client = host.CreateClient();

        using var call = client.ServerStream(new StreamRequest { Count = 1 }, new Metadata { { TestInteropService.EchoInitialHeader, "early" } });
        var headers = await call.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(30));
        release.SetResult();

        Assert.Equal("early", headers.GetValue(TestInteropService.EchoInitialHeader));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task EchoAsync_EchoTrailingBinHeader_ArrivesAsTrailer()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        using var call = client.EchoAsync(new EchoRequest { Message = "t" }, new Metadata { { TestInteropService.EchoTrailingHeader, Binary } });
        await call;

        Assert.Equal(Binary, call.GetTrailers().GetValueBytes(TestInteropService.EchoTrailingHeader));
        Assert.Null(call.GetTrailers().Get("grpc-status"));
    }

    [Fact]
    public async Task EchoAsync_ErrorWithEchoTrailer_TrailerCarriedInTrailersOnlyResponse()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        using var call = client.EchoAsync(
            new EchoRequest { RespondWithStatus = new ResponseStatus { Code = 7, Message = "no" } },
            new Metadata { { TestInteropService.EchoTrailingHeader, Binary } });
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(Binary, ex.Trailers.GetValueBytes(TestInteropService.EchoTrailingHeader));
        Assert.Equal(Binary, call.GetTrailers().GetValueBytes(TestInteropService.EchoTrailingHeader));
    }

    [Fact]
    public async Task Duplex_InitialAndTrailingEcho_BothArrive()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        using var call = client.Duplex(new Metadata
        {
            { TestInteropService.EchoInitialHeader, "duplex-initial" },
            { TestInteropService.EchoTrailingHeader, Binary },
        });
        var headers = await call.ResponseHeadersAsync;
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "x" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal("duplex-initial", headers.GetValue(TestInteropService.EchoInitialHeader));
        Assert.Equal(Binary, call.GetTrailers().GetValueBytes(TestInteropService.EchoTrailingHeader));
    }

    [Fact]
    public async Task RawEcho_TrailerAfterMessage_InHttpTrailersAsUnpaddedBase64()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();
        var request = RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame(new EchoRequest()));
        request.Headers.TryAddWithoutValidation(TestInteropService.EchoTrailingHeader, "AAEC/v8");

        using var response = await RawGrpc.SendAsync(http, request);
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("AAEC/v8", RawGrpc.Header(response.TrailingHeaders, TestInteropService.EchoTrailingHeader));
    }

    [Fact]
    public async Task WriteResponseHeadersAsync_CalledTwice_SecondThrowsInvalidOperation()
    {
        await using var host = await GrpcTestHost.StartAsync();
        Exception? second = null;
        host.State.OnEcho = async (_, context, _) =>
        {
            await context.WriteResponseHeadersAsync(new Metadata { { "x-first", "1" } });
            second = await Record.ExceptionAsync(() => context.WriteResponseHeadersAsync(new Metadata { { "x-second", "2" } }));
        };
        var client = host.CreateClient();

        using var call = client.EchoAsync(new EchoRequest { Message = "m" });
        var headers = await call.ResponseHeadersAsync;
        await call;

        Assert.IsType<InvalidOperationException>(second);
        Assert.Equal("1", headers.GetValue("x-first"));
        Assert.Null(headers.Get("x-second"));
    }

    [Fact]
    public async Task GetTrailers_BeforeCallCompletes_ThrowsInvalidOperation()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        using var call = client.EchoAsync(new EchoRequest { DelayMs = 60_000 });
        await host.State.HandlerWaiting.Task;

        Assert.Throws<InvalidOperationException>(() => call.GetTrailers());
        Assert.Throws<InvalidOperationException>(() => call.GetStatus());
    }
}
