using DanVan.Plugins.Grpc.Tests.Infrastructure;
using DanVan.Plugins.Interop.V1;
using Google.Protobuf;

namespace DanVan.Plugins.Grpc.Tests;

public sealed class ClientStreamingTests
{
    [Fact]
    public async Task ClientStream_SeveralRequests_JoinsMessagesAndSumsPayloads()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        using var call = client.ClientStream();
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "a", Payload = ByteString.CopyFrom(new byte[3]) });
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "b", Payload = ByteString.CopyFrom(new byte[4]) });
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "c" });
        await call.RequestStream.CompleteAsync();
        var reply = await call;

        Assert.Equal("a,b,c", reply.Message);
        Assert.Equal(3, reply.Index);
        Assert.Equal(7, reply.Payload.Length);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ClientStream_NoRequests_AnswersWithZeroCount()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        using var call = client.ClientStream();
        await call.RequestStream.CompleteAsync();
        var reply = await call.ResponseAsync;

        Assert.Equal("", reply.Message);
        Assert.Equal(0, reply.Index);
    }

    [Fact]
    public async Task ClientStream_RequestAsksForStatus_ResponseFaultsWithThatStatus()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        using var call = client.ClientStream();
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "a" });
        await call.RequestStream.WriteAsync(new EchoRequest { RespondWithStatus = new ResponseStatus { Code = 9, Message = "not now" } });
        await call.RequestStream.CompleteAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(new Status(StatusCode.FailedPrecondition, "not now"), ex.Status);
    }

    [Fact]
    public async Task WriteAsync_AfterCompleteAsync_ThrowsInvalidOperation()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        using var call = client.ClientStream();
        await call.RequestStream.CompleteAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => call.RequestStream.WriteAsync(new EchoRequest()));
        Assert.Equal(0, (await call).Index);
    }
}
