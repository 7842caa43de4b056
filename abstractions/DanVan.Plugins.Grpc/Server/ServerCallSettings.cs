using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Grpc.Server;

/// <summary>What every call handler of a server shares: options, clock, logger.</summary>
internal sealed class ServerCallSettings(GrpcServiceOptions options, TimeProvider timeProvider, ILogger logger)
{
    public GrpcServiceOptions Options { get; } = options;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public ILogger Logger { get; } = logger;
}
