using DanVan.Plugins.Grpc.Tests.Infrastructure;
using DanVan.Plugins.Interop.V1;
using Google.Protobuf;

namespace DanVan.Plugins.Grpc.Tests;

public sealed class UnaryCallTests
{
    [Fact]
    public async Task EchoAsync_MessageAndPayload_EchoedBackWithOkStatus()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        using var call = client.EchoAsync(new EchoRequest { Message = "hello", Payload = ByteString.CopyFrom(1, 2, 3) });
        var reply = await call;

        Assert.Equal("hello", reply.Message);
        Assert.Equal(new byte[] { 1, 2, 3 }, reply.Payload.ToByteArray());
        Assert.Equal(0, reply.Index);
        Assert.Equal("identity", reply.RequestEncoding);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.Equal("", call.GetStatus().Detail);
        Assert.Equal(1, host.State.EchoCalls);
    }

    [Fact]
    public async Task EchoAsync_ResponseSize_ReturnsThatManyBytesOfA()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        var reply = await client.EchoAsync(new EchoRequest { Message = "sized", ResponseSize = 3000 });

        Assert.Equal(3000, reply.Payload.Length);
        Assert.All(reply.Payload, b => Assert.Equal((byte)'a', b));
    }

    [Fact]
    public async Task EchoAsync_EmptyRequest_ReturnsEmptyResponse()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        var reply = await client.EchoAsync(new EchoRequest());

        Assert.Equal(new EchoResponse { RequestEncoding = "identity" }, reply);
    }

    [Fact]
    public async Task EchoAsync_ManyConcurrentCalls_EachGetsItsOwnAnswer()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        var replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => client.EchoAsync(new EchoRequest { Message = "m" + i }).ResponseAsync));

        Assert.Equal(Enumerable.Range(0, 50).Select(i => "m" + i), replies.Select(r => r.Message));
    }
}
