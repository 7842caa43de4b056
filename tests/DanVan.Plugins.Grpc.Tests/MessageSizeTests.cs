using DanVan.Plugins.Grpc.Tests.Infrastructure;
using DanVan.Plugins.Interop.V1;
using Google.Protobuf;

namespace DanVan.Plugins.Grpc.Tests;

public sealed class MessageSizeTests
{
    private const int FourMiB = 4 * 1024 * 1024;

    [Fact]
    public async Task EchoAsync_RequestOverServerDefault4MiB_ResourceExhausted()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();
        var request = new EchoRequest { Payload = ByteString.CopyFrom(new byte[FourMiB]) };

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Equal($"Received message exceeds the maximum configured message size ({request.CalculateSize()} > {FourMiB} bytes).", ex.Status.Detail);
        Assert.Equal(0, host.State.EchoCalls);
        await host.AssertServesAsync();
    }

    [Fact]
    public async Task EchoAsync_RequestJustUnderServerDefault_Accepted()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        var reply = await client.EchoAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[FourMiB - 16]) });

        Assert.Equal(FourMiB - 16, reply.Payload.Length);
    }

    [Fact]
    public async Task EchoAsync_ServerMaxReceiveRaised_LargeRequestAccepted()
    {
        await using var host = await GrpcTestHost.StartAsync(o => o.MaxReceiveMessageSize = 8 * 1024 * 1024);
        var client = host.CreateClient(o => o.MaxReceiveMessageSize = null);

        var reply = await client.EchoAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[FourMiB + 1]) });

        Assert.Equal(FourMiB + 1, reply.Payload.Length);
    }

    [Fact]
    public async Task EchoAsync_ResponseOverClientMax_ResourceExhausted()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient(o => o.MaxReceiveMessageSize = 1024);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest { ResponseSize = 2000 }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.StartsWith("Received message exceeds the maximum configured message size (", ex.Status.Detail);
        Assert.EndsWith(" > 1024 bytes).", ex.Status.Detail);
    }

    [Fact]
    public async Task EchoAsync_ResponseOverClientDefault4MiB_ResourceExhausted()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest { ResponseSize = FourMiB }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task ServerStream_ItemOverClientMax_ResourceExhaustedAfterSmallerItems()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient(o => o.MaxReceiveMessageSize = 100);

        using var call = client.ServerStream(new StreamRequest { Count = 2, ResponseSize = 200 });
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task EchoAsync_ClientMaxSendExceeded_ResourceExhaustedWithoutSending()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient(o => o.MaxSendMessageSize = 100);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[200]) }).ResponseAsync);

        Assert.Equal(new Status(StatusCode.ResourceExhausted, "Sending message exceeds the maximum configured message size."), ex.Status);
        Assert.Equal(0, host.State.EchoCalls);
        Assert.Equal("ok", (await client.EchoAsync(new EchoRequest { Message = "ok" })).Message);
    }

    [Fact]
    public async Task ClientStreamWrite_ClientMaxSendExceeded_ThrowsResourceExhausted()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient(o => o.MaxSendMessageSize = 100);

        using var call = client.ClientStream();
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[200]) }));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task EchoAsync_ServerMaxSendExceeded_ResourceExhausted()
    {
        await using var host = await GrpcTestHost.StartAsync(o => o.MaxSendMessageSize = 100);
        var client = host.CreateClient();

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest { ResponseSize = 200 }).ResponseAsync);

        Assert.Equal(new Status(StatusCode.ResourceExhausted, "Sending message exceeds the maximum configured message size."), ex.Status);
        Assert.Equal("small", (await client.EchoAsync(new EchoRequest { Message = "small" })).Message);
    }

    [Fact]
    public async Task ServerStream_ServerMaxSendExceeded_ResourceExhausted()
    {
        await using var host = await GrpcTestHost.StartAsync(o => o.MaxSendMessageSize = 100);
        var client = host.CreateClient();

        using var call = client.ServerStream(new StreamRequest { Count = 1, ResponseSize = 200 });
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task RawEcho_GzipBombOverServerMax_ResourceExhausted()
    {
        await using var host = await GrpcTestHost.StartAsync(o => o.MaxReceiveMessageSize = 64 * 1024);
        var http = host.CreateRawClient();
        var inflated = new EchoRequest { Payload = ByteString.CopyFrom(new byte[1024 * 1024]) }.ToByteArray();
        var request = RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame(RawGrpc.Gzip(inflated), flag: 1));
        request.Headers.TryAddWithoutValidation("grpc-encoding", "gzip");

        using var response = await RawGrpc.SendAsync(http, request);
        var (status, message) = await RawGrpc.ReadTrailersOnlyAsync(response);

        Assert.Equal("8", status);
        Assert.Equal("Received message exceeds the maximum configured message size once decompressed.", message);
    }
}
