using Google.Protobuf;

namespace DanVan.Plugins.Grpc.Server;

internal sealed class DuplexStreamingServerCallHandler<TService, TRequest, TResponse> : ServerCallHandler<TService>
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly Method<TRequest, TResponse> _method;
    private readonly DuplexStreamingServerMethod<TRequest, TResponse> _pipeline;

    public DuplexStreamingServerCallHandler(Method<TRequest, TResponse> method, Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler, ServiceActivator<TService> activator, ServerCallSettings settings)
        : base(method, activator, settings)
    {
        _method = method;
        DuplexStreamingServerMethod<TRequest, TResponse> pipeline = (requests, responses, context) => handler(ServiceOf(context), requests, responses, context);
        foreach (var interceptor in settings.Interceptors.Reverse())
        {
            var next = pipeline;
            pipeline = (requests, responses, context) => interceptor.DuplexStreamingServerHandler(requests, responses, context, next);
        }

        _pipeline = pipeline;
    }

    protected override Task RunAsync(HttpServerCallContext context) =>
        _pipeline(new RequestStreamReader<TRequest>(context, _method.RequestParser), new ResponseStreamWriter<TResponse>(context), context);
}
