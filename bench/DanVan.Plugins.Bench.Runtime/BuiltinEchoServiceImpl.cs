using DanVan.Plugins.Bench.V1;
using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Bench.Runtime;

/// <summary>The echo compiled into the server: the baseline for plugin dispatch.</summary>
internal sealed class BuiltinEchoServiceImpl : EchoService.EchoServiceBase
{
    public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoResponse { Payload = request.Payload });
}
