using DanVan.Plugins.Grpc.Internal;
using Google.Protobuf;

namespace DanVan.Plugins.Grpc.Server;

internal sealed class ServerStreamingServerCallHandler<TService, TRequest, TResponse> : ServerCallHandler<TService>
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly Method<TRequest, TResponse> _method;
    private readonly ServerStreamingServerMethod<TRequest, TResponse> _pipeline;

    public ServerStreamingServerCallHandler(Method<TRequest, TResponse> method, Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler, ServiceActivator<TService> activator, ServerCallSettings settings)
        : base(method, activator, settings)
    {
        _method = method;
        ServerStreamingServerMethod<TRequest, TResponse> pipeline = (request, stream, context) => handler(ServiceOf(context), request, stream, context);
        foreach (var interceptor in settings.Interceptors.Reverse())
        {
            var next = pipeline;
            pipeline = (request, stream, context) => interceptor.ServerStreamingServerHandler(request, stream, context, next);
        }

        _pipeline = pipeline;
    }

    protected override async Task RunAsync(HttpServerCallContext context)
    {
        var request = await MessageReader.ReadSingleAsync(context.HttpContext.Request.BodyReader, _method.RequestParser, context.RequestEncoding, context.MaxReceiveMessageSize, context.CancellationToken)
            ?? throw ServerMessages.NoRequestMessage();
        await _pipeline(request, new ResponseStreamWriter<TResponse>(context), context);
    }
}
