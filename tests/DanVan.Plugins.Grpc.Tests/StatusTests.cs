using DanVan.Plugins.Grpc.Tests.Infrastructure;
using DanVan.Plugins.Interop.V1;

namespace DanVan.Plugins.Grpc.Tests;

public sealed class StatusTests
{
    private const string UnicodeMessage = "bad name: fail ✓ 100%";

    public static TheoryData<int> ErrorCodes() => [.. Enumerable.Range(1, 16)];

    [Theory]
    [MemberData(nameof(ErrorCodes))]
    public async Task EchoAsync_RespondWithStatus_ClientSeesCodeAndMessage(int code)
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();
        var message = $"status {code} from the server";

        using var call = client.EchoAsync(new EchoRequest { RespondWithStatus = new ResponseStatus { Code = code, Message = message } });
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal((StatusCode)code, ex.StatusCode);
        Assert.Equal(message, ex.Status.Detail);
        Assert.Equal(new Status((StatusCode)code, message), call.GetStatus());
    }

    [Theory]
    [MemberData(nameof(ErrorCodes))]
    public async Task RawEcho_RespondWithStatus_TrailersOnlyWithNumericCode(int code)
    {
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();

        using var response = await RawGrpc.SendAsync(http, RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame(new EchoRequest
        {
            RespondWithStatus = new ResponseStatus { Code = code, Message = "m" },
        })));
        var (status, message) = await RawGrpc.ReadTrailersOnlyAsync(response);

        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), status);
        Assert.Equal("m", message);
    }

    [Fact]
    public async Task EchoAsync_UnicodeStatusMessage_RoundTripsExactly()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest
        {
            RespondWithStatus = new ResponseStatus { Code = 3, Message = UnicodeMessage },
        }).ResponseAsync);

        Assert.Equal(new Status(StatusCode.InvalidArgument, UnicodeMessage), ex.Status);
    }

    [Fact]
    public async Task RawEcho_UnicodeStatusMessage_GrpcMessageIsPercentEncodedUtf8()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();

        using var response = await RawGrpc.SendAsync(http, RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame(new EchoRequest
        {
            RespondWithStatus = new ResponseStatus { Code = 3, Message = UnicodeMessage },
        })));
        var (status, message) = await RawGrpc.ReadTrailersOnlyAsync(response);

        Assert.Equal("3", status);
        Assert.Equal("bad name: fail %E2%9C%93 100%25", message);
    }

    [Fact]
    public async Task RawEcho_ErrorBeforeAnyMessage_IsTrailersOnly()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();

        using var response = await RawGrpc.SendAsync(http, RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame(new EchoRequest
        {
            RespondWithStatus = new ResponseStatus { Code = 5, Message = "no such thing" },
        })));
        var (status, message) = await RawGrpc.ReadTrailersOnlyAsync(response);

        Assert.Equal("5", status);
        Assert.Equal("no such thing", message);
        Assert.Equal("application/grpc", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(response.TrailingHeaders);
    }

    [Fact]
    public async Task RawServerStream_ErrorAfterAMessage_StatusInTrailersNotHeaders()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();

        using var response = await RawGrpc.SendAsync(http, RawGrpc.Request(RawGrpc.ServerStreamPath, RawGrpc.Frame(new StreamRequest
        {
            Count = 1,
            FinalStatus = new ResponseStatus { Code = 10, Message = "aborted ✓" },
        })));

        Assert.Null(RawGrpc.Header(response.Headers, "grpc-status"));
        var frames = RawGrpc.ParseFrames(await response.Content.ReadAsByteArrayAsync());
        var frame = Assert.Single(frames);
        Assert.Equal(0, frame.Flag);
        Assert.Equal("item-0", EchoResponse.Parser.ParseFrom(frame.Payload).Message);
        Assert.Equal("10", RawGrpc.Header(response.TrailingHeaders, "grpc-status"));
        Assert.Equal("aborted %E2%9C%93", RawGrpc.Header(response.TrailingHeaders, "grpc-message"));
    }

    [Fact]
    public async Task RawEcho_Success_MessageThenGrpcStatusZeroInTrailers()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();

        using var response = await RawGrpc.SendAsync(http, RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame(new EchoRequest { Message = "raw" })));

        Assert.Null(RawGrpc.Header(response.Headers, "grpc-status"));
        var frame = Assert.Single(RawGrpc.ParseFrames(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal("raw", EchoResponse.Parser.ParseFrom(frame.Payload).Message);
        Assert.Equal("0", RawGrpc.Header(response.TrailingHeaders, "grpc-status"));
        Assert.Null(RawGrpc.Header(response.TrailingHeaders, "grpc-message"));
    }

    [Fact]
    public async Task EchoAsync_HandlerSetsOkStatusWithDetail_ClientSeesOkAndDetail()
    {
        // respond_with_status code 0 makes the handler set context.Status = OK("fine") and return a message.
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        using var call = client.EchoAsync(new EchoRequest { RespondWithStatus = new ResponseStatus { Code = 0, Message = "fine" } });
        var reply = await call;

        Assert.Equal(new EchoResponse(), reply);
        Assert.Equal(new Status(StatusCode.OK, "fine"), call.GetStatus());
    }
}
