using DanVan.Plugins.Grpc.Internal;
using Google.Protobuf;

namespace DanVan.Plugins.Grpc.Server;

internal sealed class UnaryServerCallHandler<TService, TRequest, TResponse> : ServerCallHandler<TService>
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly Method<TRequest, TResponse> _method;
    private readonly UnaryServerMethod<TRequest, TResponse> _pipeline;

    public UnaryServerCallHandler(Method<TRequest, TResponse> method, Func<TService, TRequest, ServerCallContext, Task<TResponse>> handler, ServiceActivator<TService> activator, ServerCallSettings settings)
        : base(method, activator, settings)
    {
        _method = method;
        UnaryServerMethod<TRequest, TResponse> pipeline = (request, context) => handler(ServiceOf(context), request, context);
        foreach (var interceptor in settings.Interceptors.Reverse())
        {
            var next = pipeline;
            pipeline = (request, context) => interceptor.UnaryServerHandler(request, context, next);
        }

        _pipeline = pipeline;
    }

    protected override async Task RunAsync(HttpServerCallContext context)
    {
        var request = await MessageReader.ReadSingleAsync(context.HttpContext.Request.BodyReader, _method.RequestParser, context.RequestEncoding, context.MaxReceiveMessageSize, context.CancellationToken)
            ?? throw ServerMessages.NoRequestMessage();
        var response = await _pipeline(request, context)
            ?? throw new RpcException(new Status(StatusCode.Internal, "No message returned from method."));
        await context.WriteMessageAsync(response, flush: false, context.CancellationToken);
    }
}
