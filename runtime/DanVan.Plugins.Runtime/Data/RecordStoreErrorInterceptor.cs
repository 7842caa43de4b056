using DanVan.Plugins.Data;
using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Runtime.Data;

/// <summary>
/// Turns the data API's refusals, thrown by plugin handlers, into the gRPC statuses clients act
/// on, with the Vietnamese message officers see: a stale version → ABORTED, a missing record →
/// NOT_FOUND, a missing required reason → INVALID_ARGUMENT with a BadRequest field violation.
/// Anything else keeps the server's usual handling (INTERNAL). Completed calls pass through
/// without an extra async step.
/// </summary>
internal sealed class RecordStoreErrorInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Task<TResponse> call;
        try
        {
            call = continuation(request, context);
        }
        catch (RecordStoreException ex)
        {
            throw ToRpc(ex);
        }

        return call.IsCompletedSuccessfully ? call : Await(call);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        Await(Guard(() => continuation(requestStream, context)));

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        Await(Guard(() => continuation(request, responseStream, context)));

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        Await(Guard(() => continuation(requestStream, responseStream, context)));

    /// <summary>The status for a refusal (public to tests through InternalsVisibleTo).</summary>
    internal static RpcException ToRpc(RecordStoreException ex) => ex switch
    {
        ConcurrencyConflictException => new RpcException(new Status(StatusCode.Aborted, ex.VietnameseMessage)),
        RecordNotFoundException => new RpcException(new Status(StatusCode.NotFound, ex.VietnameseMessage)),
        ReasonRequiredException reason => RichStatus.InvalidArgument(ex.VietnameseMessage, (reason.Field, ex.VietnameseMessage)),
        _ => new RpcException(new Status(StatusCode.FailedPrecondition, ex.VietnameseMessage)),
    };

    private static TTask Guard<TTask>(Func<TTask> start)
    {
        try
        {
            return start();
        }
        catch (RecordStoreException ex)
        {
            throw ToRpc(ex);
        }
    }

    private static async Task<TResponse> Await<TResponse>(Task<TResponse> call)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (RecordStoreException ex)
        {
            throw ToRpc(ex);
        }
    }

    private static async Task Await(Task call)
    {
        try
        {
            await call.ConfigureAwait(false);
        }
        catch (RecordStoreException ex)
        {
            throw ToRpc(ex);
        }
    }
}
