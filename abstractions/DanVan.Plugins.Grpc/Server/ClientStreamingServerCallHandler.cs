using Google.Protobuf;

namespace DanVan.Plugins.Grpc.Server;

internal sealed class ClientStreamingServerCallHandler<TService, TRequest, TResponse> : ServerCallHandler<TService>
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly Method<TRequest, TResponse> _method;
    private readonly ClientStreamingServerMethod<TRequest, TResponse> _pipeline;

    public ClientStreamingServerCallHandler(Method<TRequest, TResponse> method, Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> handler, ServiceActivator<TService> activator, ServerCallSettings settings)
        : base(method, activator, settings)
    {
        _method = method;
        ClientStreamingServerMethod<TRequest, TResponse> pipeline = (stream, context) => handler(ServiceOf(context), stream, context);
        foreach (var interceptor in settings.Interceptors.Reverse())
        {
            var next = pipeline;
            pipeline = (stream, context) => interceptor.ClientStreamingServerHandler(stream, context, next);
        }

        _pipeline = pipeline;
    }

    protected override async Task RunAsync(HttpServerCallContext context)
    {
        var response = await _pipeline(new RequestStreamReader<TRequest>(context, _method.RequestParser), context)
            ?? throw new RpcException(new Status(StatusCode.Internal, "No message returned from method."));
        await context.WriteMessageAsync(response, flush: false, context.CancellationToken);
    }
}
