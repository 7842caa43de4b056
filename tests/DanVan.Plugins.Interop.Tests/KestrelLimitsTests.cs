using DanVan.Plugins.Grpc;
using DanVan.Plugins.Interop.V1;
using Google.Protobuf;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace DanVan.Plugins.Interop.Tests;

/// <summary>
/// Kestrel's per-request body limits must not end gRPC request streams: only real Kestrel (not
/// TestServer) enforces them. The whole-body limit (30 MB by default) and the minimum body data
/// rate (here with a 2 s grace period instead of 5 s, to keep the test short) apply to HTTP
/// request bodies; a gRPC request stream is checked per message and may rightly sit idle.
/// </summary>
public sealed class KestrelLimitsTests(KestrelLimitsTests.ShortGraceServerFixture server) : IClassFixture<KestrelLimitsTests.ShortGraceServerFixture>
{
    [Fact]
    public async Task Client_stream_over_Kestrels_30_MB_body_limit_is_read_to_the_end()
    {
        using var channel = GrpcChannel.ForAddress($"http://{server.Target}");
        using var call = new InteropService.InteropServiceClient(channel).ClientStream();
        var chunk = UnsafeByteOperations.UnsafeWrap(new byte[4 * 1024 * 1024]);
        for (var i = 0; i < 9; i++)
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Message = $"part-{i}", Payload = chunk });
        }

        // 36 MiB sent; end with an OK status so the response stays small.
        await call.RequestStream.WriteAsync(new EchoRequest { RespondWithStatus = new ResponseStatus { Code = 0, Message = "read it all" } });
        await call.RequestStream.CompleteAsync();
        var ex = await Record.ExceptionAsync(() => call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(ex is null, $"{ex}\n--- our server log ---\n{server.ServerLog}");
        Assert.Equal(new Status(StatusCode.OK, "read it all"), call.GetStatus());
    }

    [Fact]
    public async Task Duplex_stream_idle_past_the_minimum_data_rate_grace_period_stays_open()
    {
        using var channel = GrpcChannel.ForAddress($"http://{server.Target}");
        using var call = new InteropService.InteropServiceClient(channel).Duplex();
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "before" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        await Task.Delay(TimeSpan.FromSeconds(4));
        var ex = await Record.ExceptionAsync(async () =>
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Message = "after" });
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        });
        Assert.True(ex is null, $"{ex}\n--- our server log ---\n{server.ServerLog}");
        Assert.Equal(("after", 1), (call.ResponseStream.Current.Message, call.ResponseStream.Current.Index));
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
    }

    /// <summary>Our server with Kestrel's default minimum request body data rate (240 B/s) but a 2 s grace period.</summary>
    public sealed class ShortGraceServerFixture : OurServerFixture
    {
        protected override void ConfigureKestrel(KestrelServerOptions kestrel) =>
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(240, TimeSpan.FromSeconds(2));
    }
}
