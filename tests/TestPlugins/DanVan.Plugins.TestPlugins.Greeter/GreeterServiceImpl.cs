using DanVan.Plugins.Grpc;
using DanVan.Plugins.TestPlugins.Greeter.V1;

namespace DanVan.Plugins.TestPlugins.Greeter;

internal sealed class GreeterServiceImpl(GreetingFormatter formatter) : GreeterService.GreeterServiceBase
{
    public override async Task<HelloResponse> SayHello(HelloRequest request, ServerCallContext context)
    {
        if (request.Name == "lỗi")
        {
            throw new InvalidOperationException("Cố ý lỗi trong xử lý.");
        }

        if (request.DelayMs > 0)
        {
            await Task.Delay(request.DelayMs, context.CancellationToken);
        }

        return new HelloResponse { Message = formatter.Format(request.Name), Version = formatter.Version };
    }
}
