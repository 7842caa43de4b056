using DanVan.Plugins.Bench.V1;
using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Bench.EchoPlugin;

internal sealed class PluginEchoServiceImpl : PluginEchoService.PluginEchoServiceBase
{
    public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoResponse { Payload = request.Payload });
}
