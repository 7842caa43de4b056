namespace DanVan.Plugins.Grpc;

/// <summary>Server-wide gRPC settings, configured with <c>AddGrpc(options => …)</c>.</summary>
public sealed class GrpcServiceOptions
{
    /// <summary>Largest request message accepted, in bytes; larger ones end the call with RESOURCE_EXHAUSTED. Null removes the limit. Defaults to 4 MiB.</summary>
    public int? MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest response message sent, in bytes; larger ones end the call with RESOURCE_EXHAUSTED. Null (the default) removes the limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Compress responses with this algorithm ("gzip") when the client accepts it. Null (the default) sends them uncompressed.</summary>
    public string? ResponseCompressionAlgorithm { get; set; }

    /// <summary>Put the exception message of a failing handler in <c>grpc-message</c>. Defaults to false: clients see only "Exception was thrown by handler.".</summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary>Interceptor instances every call goes through, outermost first.</summary>
    public IList<Interceptor> Interceptors { get; } = [];

    /// <summary>Interceptor types created from DI when the server starts; they run inside the <see cref="Interceptors"/> instances, in the order added.</summary>
    public IList<Type> InterceptorTypes { get; } = [];

    /// <summary>Adds an interceptor type created from DI (e.g. <c>LoggingInterceptor</c>).</summary>
    public GrpcServiceOptions AddInterceptor<TInterceptor>()
        where TInterceptor : Interceptor
    {
        InterceptorTypes.Add(typeof(TInterceptor));
        return this;
    }
}
