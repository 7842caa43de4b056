using System.Diagnostics;
using Google.Protobuf;

namespace DanVan.Plugins.Grpc.Diagnostics;

/// <summary>Base of server interceptors that watch calls end: they see every call kind's status code and duration.</summary>
public abstract class ObservingInterceptor : Interceptor
{
    /// <summary>Called once per call when it ends.</summary>
    protected abstract void OnCallEnded(ServerCallContext context, StatusCode code, TimeSpan elapsed, Exception? exception);

    /// <inheritdoc />
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        ObserveAsync(context, () => continuation(request, context));

    /// <inheritdoc />
    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        ObserveAsync(context, () => continuation(requestStream, context));

    /// <inheritdoc />
    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        ObserveAsync(context, async () =>
        {
            await continuation(request, responseStream, context);
            return true;
        });

    /// <inheritdoc />
    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        ObserveAsync(context, async () =>
        {
            await continuation(requestStream, responseStream, context);
            return true;
        });

    private async Task<T> ObserveAsync<T>(ServerCallContext context, Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call();
            OnCallEnded(context, context.Status.StatusCode, Stopwatch.GetElapsedTime(started), null);
            return result;
        }
        catch (RpcException ex)
        {
            OnCallEnded(context, ex.StatusCode, Stopwatch.GetElapsedTime(started), ex);
            throw;
        }
        catch (Exception ex)
        {
            var code = context.CancellationToken.IsCancellationRequested ? StatusCode.Cancelled : StatusCode.Internal;
            OnCallEnded(context, code, Stopwatch.GetElapsedTime(started), ex);
            throw;
        }
    }
}
