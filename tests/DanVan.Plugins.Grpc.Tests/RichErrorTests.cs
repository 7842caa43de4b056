using DanVan.Plugins.Grpc.Tests.Infrastructure;
using DanVan.Plugins.Interop.V1;
using Google.Rpc;

namespace DanVan.Plugins.Grpc.Tests;

public sealed class RichErrorTests
{
    [Fact]
    public async Task EchoAsync_StatusWithDetails_ClientDecodesBadRequestFieldViolation()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest
        {
            RespondWithStatus = new ResponseStatus { Code = 3, Message = "invalid message ✓", WithDetails = true },
        }).ResponseAsync);

        Assert.Equal(new Grpc.Status(Grpc.StatusCode.InvalidArgument, "invalid message ✓"), ex.Status);
        var details = Google.Rpc.Status.Parser.ParseFrom(ex.Trailers.GetValueBytes(TestInteropService.StatusDetailsHeader));
        Assert.Equal(3, details.Code);
        Assert.Equal("invalid message ✓", details.Message);
        var any = Assert.Single(details.Details);
        Assert.Equal("type.googleapis.com/google.rpc.BadRequest", any.TypeUrl);
        var violation = Assert.Single(any.Unpack<BadRequest>().FieldViolations);
        Assert.Equal("message", violation.Field);
        Assert.Equal("must not be empty", violation.Description);
    }

    [Fact]
    public async Task EchoAsync_HandlerThrowsRpcExceptionWithDetails_SameBytesArrive()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var sent = TestInteropService.DetailsFor(9, "precondition");
        host.State.OnEcho = (_, _, _) => throw new RpcException(
            new Grpc.Status(Grpc.StatusCode.FailedPrecondition, "precondition"),
            new Metadata { { "grpc-status-details-bin", Google.Protobuf.MessageExtensions.ToByteArray(sent) } });
        var client = host.CreateClient();

        using var call = client.EchoAsync(new EchoRequest());
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(sent, Google.Rpc.Status.Parser.ParseFrom(ex.Trailers.GetValueBytes("grpc-status-details-bin")));
        Assert.Equal(sent, Google.Rpc.Status.Parser.ParseFrom(call.GetTrailers().GetValueBytes("grpc-status-details-bin")));
    }

    [Fact]
    public async Task ServerStream_FinalStatusWithDetailsAfterItems_DetailsInTrailers()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        using var call = client.ServerStream(new StreamRequest { Count = 1, FinalStatus = new ResponseStatus { Code = 3, Message = "late", WithDetails = true } });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        var details = Google.Rpc.Status.Parser.ParseFrom(ex.Trailers.GetValueBytes("grpc-status-details-bin"));
        Assert.Equal("late", details.Message);
        Assert.Equal("message", details.Details[0].Unpack<BadRequest>().FieldViolations[0].Field);
    }
}
