using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace DanVan.Plugins.Grpc.Server;

/// <summary>Turns the rpcs that generated code binds into request delegates for Kestrel.</summary>
internal sealed class ServerMethodBinder<TService>(ServiceActivator<TService> activator, ServerCallSettings settings) : ServiceBinder<TService>
    where TService : class
{
    public ServiceDescriptor? Descriptor { get; private set; }

    public List<(IMethod Method, RequestDelegate Handler)> Methods { get; } = [];

    /// <summary>The service's wire name, from its rpcs (or its descriptor when it has none).</summary>
    public string ServiceName => Methods.Count > 0 ? Methods[0].Method.ServiceName : Descriptor?.FullName
        ?? throw new InvalidOperationException($"{typeof(TService)} binds no rpcs.");

    public override void SetServiceDescriptor(ServiceDescriptor descriptor) => Descriptor = descriptor;

    public override void AddUnaryMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, TRequest, ServerCallContext, Task<TResponse>> handler) =>
        Methods.Add((method, new UnaryServerCallHandler<TService, TRequest, TResponse>(method, handler, activator, settings).HandleCallAsync));

    public override void AddServerStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler) =>
        Methods.Add((method, new ServerStreamingServerCallHandler<TService, TRequest, TResponse>(method, handler, activator, settings).HandleCallAsync));

    public override void AddClientStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> handler) =>
        Methods.Add((method, new ClientStreamingServerCallHandler<TService, TRequest, TResponse>(method, handler, activator, settings).HandleCallAsync));

    public override void AddDuplexStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler) =>
        Methods.Add((method, new DuplexStreamingServerCallHandler<TService, TRequest, TResponse>(method, handler, activator, settings).HandleCallAsync));
}
