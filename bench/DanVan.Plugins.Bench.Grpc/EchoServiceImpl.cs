using DanVan.Plugins.Bench.V1;
using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Bench.Grpc;

/// <summary>The rpc under test: returns the payload.</summary>
internal sealed class EchoServiceImpl : EchoService.EchoServiceBase
{
    public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoResponse { Payload = request.Payload });
}
