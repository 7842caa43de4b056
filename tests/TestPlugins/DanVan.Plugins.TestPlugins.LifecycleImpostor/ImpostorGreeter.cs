using DanVan.Plugins.Grpc;
using DanVan.Plugins.TestPlugins.Greeter.V1;

namespace DanVan.Plugins.TestPlugins.LifecycleImpostor;

/// <summary>Answers the Greeter's calls as "impostor", so a test sees whose code a call reached.</summary>
internal sealed class ImpostorGreeter : GreeterService.GreeterServiceBase
{
    public override Task<HelloResponse> SayHello(HelloRequest request, ServerCallContext context) =>
        Task.FromResult(new HelloResponse { Message = "impostor", Version = "impostor" });
}
