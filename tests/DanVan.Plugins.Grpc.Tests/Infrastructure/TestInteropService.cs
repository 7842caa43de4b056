using DanVan.Plugins.Interop.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace DanVan.Plugins.Grpc.Tests.Infrastructure;

/// <summary>
/// The InteropService contract of tests/protos/danvan/interop/v1/interop.proto, as the interop
/// peers implement it, with hooks from <see cref="InteropState"/> for the in-memory tests.
/// </summary>
public sealed class TestInteropService(InteropState state) : InteropService.InteropServiceBase
{
    public const string EchoInitialHeader = "x-grpc-test-echo-initial";
    public const string EchoTrailingHeader = "x-grpc-test-echo-trailing-bin";
    public const string StatusDetailsHeader = "grpc-status-details-bin";

    public override async Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context)
    {
        var call = Record(context, state.NextEchoCall());
        if (state.OnEcho is { } hook)
        {
            await hook(request, context, call);
        }

        await EchoMetadataAsync(context);
        if (request.RespondWithStatus is { } status)
        {
            return EndWithStatus(status, context, new EchoResponse());
        }

        if (request.DelayMs > 0)
        {
            await WaitAsync(TimeSpan.FromMilliseconds(request.DelayMs), context.CancellationToken);
        }

        return MakeResponse(request, RequestEncoding(context), 0);
    }

    public override async Task ServerStream(StreamRequest request, IServerStreamWriter<EchoResponse> responseStream, ServerCallContext context)
    {
        var call = Record(context, state.NextServerStreamCall());
        if (state.OnServerStream is { } hook)
        {
            await hook(request, context, call);
        }

        await EchoMetadataAsync(context);
        var payload = request.ResponseSize > 0 ? ByteString.CopyFrom(Enumerable.Repeat((byte)'a', request.ResponseSize).ToArray()) : ByteString.Empty;
        for (var i = 0; i < request.Count; i++)
        {
            if (i > 0 && request.IntervalMs > 0)
            {
                await WaitAsync(TimeSpan.FromMilliseconds(request.IntervalMs), context.CancellationToken);
            }

            await responseStream.WriteAsync(new EchoResponse { Message = "item-" + i, Payload = payload, Index = i });
            if (state.AfterStreamItem is { } after)
            {
                await after(i);
            }
        }

        if (request.FinalStatus is { } final)
        {
            EndWithStatus(final, context, 0);
        }
    }

    public override async Task<EchoResponse> ClientStream(IAsyncStreamReader<EchoRequest> requestStream, ServerCallContext context)
    {
        Record(context, 0);
        await EchoMetadataAsync(context);
        var messages = new List<string>();
        var size = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            if (request.RespondWithStatus is { } status)
            {
                return EndWithStatus(status, context, new EchoResponse());
            }

            messages.Add(request.Message);
            size += request.Payload.Length;
        }

        return new EchoResponse
        {
            Message = string.Join(",", messages),
            Payload = ByteString.CopyFrom(Enumerable.Repeat((byte)'a', size).ToArray()),
            Index = messages.Count,
            RequestEncoding = RequestEncoding(context),
        };
    }

    public override async Task Duplex(IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoResponse> responseStream, ServerCallContext context)
    {
        Record(context, 0);
        await EchoMetadataAsync(context);
        var index = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            if (request.RespondWithStatus is { } status)
            {
                EndWithStatus(status, context, 0);
                return;
            }

            await responseStream.WriteAsync(MakeResponse(request, RequestEncoding(context), index));
            if (state.AfterDuplexItem is { } after)
            {
                await after(index);
            }

            index++;
        }
    }

    /// <summary>The google.rpc.Status the contract puts in grpc-status-details-bin.</summary>
    public static Google.Rpc.Status DetailsFor(int code, string message) => new()
    {
        Code = code,
        Message = message,
        Details =
        {
            Any.Pack(new BadRequest
            {
                FieldViolations = { new BadRequest.Types.FieldViolation { Field = "message", Description = "must not be empty" } },
            }),
        },
    };

    private int Record(ServerCallContext context, int call)
    {
        state.RequestHeaders.Enqueue(context.RequestHeaders);
        state.Deadlines.Enqueue(context.Deadline);
        context.CancellationToken.Register(() => state.HandlerCancelled.TrySetResult());
        return call;
    }

    private async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        state.HandlerWaiting.TrySetResult();
        await Task.Delay(delay, cancellationToken);
    }

    private static async Task EchoMetadataAsync(ServerCallContext context)
    {
        if (context.RequestHeaders.GetValue(EchoInitialHeader) is { } initial)
        {
            await context.WriteResponseHeadersAsync(new Metadata { { EchoInitialHeader, initial } });
        }

        foreach (var entry in context.RequestHeaders.GetAll(EchoTrailingHeader))
        {
            context.ResponseTrailers.Add(entry);
        }
    }

    private static T EndWithStatus<T>(ResponseStatus status, ServerCallContext context, T result)
    {
        var trailers = new Metadata();
        if (status.WithDetails)
        {
            trailers.Add(StatusDetailsHeader, DetailsFor(status.Code, status.Message).ToByteArray());
        }

        if (status.Code == 0)
        {
            foreach (var entry in trailers)
            {
                context.ResponseTrailers.Add(entry);
            }

            context.Status = new Status(StatusCode.OK, status.Message);
            return result;
        }

        throw new RpcException(new Status((StatusCode)status.Code, status.Message), trailers);
    }

    private static EchoResponse MakeResponse(EchoRequest request, string encoding, int index) => new()
    {
        Message = request.Message,
        Payload = request.ResponseSize > 0 ? ByteString.CopyFrom(Enumerable.Repeat((byte)'a', request.ResponseSize).ToArray()) : request.Payload,
        Index = index,
        RequestEncoding = encoding,
    };

    /// <summary>The grpc-encoding request header, which the layer keeps out of RequestHeaders.</summary>
    private static string RequestEncoding(ServerCallContext context)
    {
        var header = context.GetHttpContext().Request.Headers["grpc-encoding"].ToString();
        return header.Length == 0 ? "identity" : header;
    }
}
