using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Grpc.Server;

/// <summary>What every call handler of a server shares: options, interceptors, clock, logger.</summary>
internal sealed class ServerCallSettings(GrpcServiceOptions options, IReadOnlyList<Interceptor> interceptors, TimeProvider timeProvider, ILogger logger)
{
    public GrpcServiceOptions Options { get; } = options;

    /// <summary>The interceptor chain, outermost first.</summary>
    public IReadOnlyList<Interceptor> Interceptors { get; } = interceptors;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public ILogger Logger { get; } = logger;
}
