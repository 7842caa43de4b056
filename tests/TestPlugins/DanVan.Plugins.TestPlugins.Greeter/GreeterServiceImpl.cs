using DanVan.Plugins.Grpc;
using DanVan.Plugins.TestPlugins.Greeter.V1;

namespace DanVan.Plugins.TestPlugins.Greeter;

internal sealed class GreeterServiceImpl(GreetingFormatter formatter, IEnumerable<IGreetingDecoration> decorations, ReceivedEvents received) : GreeterService.GreeterServiceBase
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

        var message = decorations.Aggregate(formatter.Format(request.Name), (text, decoration) => decoration.Decorate(text));
        return new HelloResponse { Message = message, Version = formatter.Version };
    }

    public override Task<ListReceivedEventsResponse> ListReceivedEvents(ListReceivedEventsRequest request, ServerCallContext context)
    {
        var response = new ListReceivedEventsResponse { Version = formatter.Version };
        response.EventIds.AddRange(received.Ids);
        return Task.FromResult(response);
    }
}
