using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Grpc.Diagnostics;

/// <summary>Logs every call with its method, caller address, status and duration: Information for OK, Warning for errors.</summary>
public sealed partial class LoggingInterceptor(ILogger<LoggingInterceptor> logger) : ObservingInterceptor
{
    /// <inheritdoc />
    protected override void OnCallEnded(ServerCallContext context, StatusCode code, TimeSpan elapsed, Exception? exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (code == StatusCode.OK)
        {
            CallSucceeded(logger, context.Method, context.Peer, elapsed.TotalMilliseconds);
        }
        else
        {
            CallFailed(logger, context.Method, context.Peer, code, elapsed.TotalMilliseconds, exception?.Message);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "gRPC {Method} from {Peer} OK in {ElapsedMs:F1} ms")]
    private static partial void CallSucceeded(ILogger logger, string method, string peer, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "gRPC {Method} from {Peer} ended {Code} in {ElapsedMs:F1} ms: {Detail}")]
    private static partial void CallFailed(ILogger logger, string method, string peer, StatusCode code, double elapsedMs, string? detail);
}
