using DanVan.Plugins.Bench.V1;
using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Bench.EchoPlugin;

internal sealed class PluginEchoServiceImpl : PluginEchoService.PluginEchoServiceBase
{
    // An empty payload asks which build is serving (the swap measurements wait for the new one);
    // anything else is echoed, as the built-in echo does.
    public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoResponse { Payload = request.Payload.IsEmpty ? BuildStamp.Value : request.Payload });
}
