using DanVan.Plugins.Grpc.Tests.Infrastructure;
using DanVan.Plugins.Interop.V1;

namespace DanVan.Plugins.Grpc.Tests;

public sealed class ConnectionReuseTests
{
    [Fact]
    public async Task EchoAsync_ManySequentialCallsOnOneChannel_AllSucceed()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        for (var i = 0; i < 300; i++)
        {
            var reply = await client.EchoAsync(new EchoRequest { Message = "call-" + i });
            Assert.Equal("call-" + i, reply.Message);
        }

        Assert.Equal(300, host.State.EchoCalls);
    }

    [Fact]
    public async Task MixedCallKinds_SequentialOnOneChannel_AllSucceed()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        for (var i = 0; i < 25; i++)
        {
            Assert.Equal("u" + i, (await client.EchoAsync(new EchoRequest { Message = "u" + i })).Message);
            using var stream = client.ServerStream(new StreamRequest { Count = 2 });
            Assert.Equal(2, (await stream.ResponseStream.ReadAllAsync().ToListAsync()).Count);
            await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest { RespondWithStatus = new ResponseStatus { Code = 5 } }).ResponseAsync);
            using var duplex = client.Duplex();
            await duplex.RequestStream.WriteAsync(new EchoRequest { Message = "d" + i });
            Assert.True(await duplex.ResponseStream.MoveNext(CancellationToken.None));
            await duplex.RequestStream.CompleteAsync();
            Assert.False(await duplex.ResponseStream.MoveNext(CancellationToken.None));
        }
    }
}
