using DanVan.Plugins.Grpc.Tests.Infrastructure;
using DanVan.Plugins.Interop.V1;

namespace DanVan.Plugins.Grpc.Tests;

public sealed class DuplexStreamingTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Duplex_PingPong_EachAnswerArrivesBeforeTheNextRequestIsSent()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        using var call = client.Duplex();
        for (var i = 0; i < 5; i++)
        {
            // The request stream is still open, so the answer can only come from per-message flushing.
            await call.RequestStream.WriteAsync(new EchoRequest { Message = "ping-" + i });
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Guard));
            Assert.Equal("ping-" + i, call.ResponseStream.Current.Message);
            Assert.Equal(i, call.ResponseStream.Current.Index);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Guard));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Duplex_CompleteWithoutRequests_EndsWithOk()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        using var call = client.Duplex();
        await call.RequestStream.CompleteAsync();

        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Guard));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Duplex_RequestAsksForStatus_AnswersSoFarThenRpcException()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        using var call = client.Duplex();
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "one" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Guard));
        await call.RequestStream.WriteAsync(new EchoRequest { RespondWithStatus = new ResponseStatus { Code = 11, Message = "past the end" } });

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Guard));
        Assert.Equal(new Status(StatusCode.OutOfRange, "past the end"), ex.Status);
    }
}
