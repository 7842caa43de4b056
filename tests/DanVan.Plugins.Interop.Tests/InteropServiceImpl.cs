using DanVan.Plugins.Grpc;
using DanVan.Plugins.Interop.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Microsoft.AspNetCore.Http;
using Status = DanVan.Plugins.Grpc.Status;

namespace DanVan.Plugins.Interop.Tests;

/// <summary>
/// danvan.interop.v1.InteropService on our server, behaving exactly like the peers'
/// (tests/peers/python/interop_server.py, tests/peers/node/interop_server.js).
/// </summary>
public sealed class InteropServiceImpl(IHttpContextAccessor httpContextAccessor) : InteropService.InteropServiceBase
{
    public const string EchoInitialKey = "x-grpc-test-echo-initial";
    public const string EchoTrailingKey = "x-grpc-test-echo-trailing-bin";
    public const string DetailsKey = "grpc-status-details-bin";

    public override async Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context)
    {
        var trailing = await EchoMetadataAsync(context);
        if (request.RespondWithStatus is { } status)
        {
            EndWithStatus(status, trailing, context);
            return new EchoResponse();
        }

        if (request.DelayMs > 0)
        {
            // Cancellation (client cancel or deadline) ends the call; the layer picks the status.
            await Task.Delay(request.DelayMs, context.CancellationToken);
        }

        AddTrailers(context, trailing);
        return MakeResponse(request, RequestEncoding(), 0);
    }

    public override async Task ServerStream(StreamRequest request, IServerStreamWriter<EchoResponse> responseStream, ServerCallContext context)
    {
        var trailing = await EchoMetadataAsync(context);
        var payload = request.ResponseSize > 0 ? Repeat(request.ResponseSize) : ByteString.Empty;
        for (var i = 0; i < request.Count; i++)
        {
            if (i > 0 && request.IntervalMs > 0)
            {
                await Task.Delay(request.IntervalMs, context.CancellationToken);
            }

            context.CancellationToken.ThrowIfCancellationRequested();
            await responseStream.WriteAsync(new EchoResponse { Message = $"item-{i}", Payload = payload, Index = i });
        }

        if (request.FinalStatus is { } final)
        {
            EndWithStatus(final, trailing, context);
        }
        else
        {
            AddTrailers(context, trailing);
        }
    }

    public override async Task<EchoResponse> ClientStream(IAsyncStreamReader<EchoRequest> requestStream, ServerCallContext context)
    {
        var trailing = await EchoMetadataAsync(context);
        var messages = new List<string>();
        long total = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var request = requestStream.Current;
            if (request.RespondWithStatus is { } status)
            {
                EndWithStatus(status, trailing, context);
                return new EchoResponse();
            }

            messages.Add(request.Message);
            total += request.Payload.Length;
        }

        AddTrailers(context, trailing);
        return new EchoResponse
        {
            Message = string.Join(',', messages),
            Payload = Repeat(checked((int)total)),
            Index = messages.Count,
            RequestEncoding = RequestEncoding(),
        };
    }

    public override async Task Duplex(IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoResponse> responseStream, ServerCallContext context)
    {
        var trailing = await EchoMetadataAsync(context);
        var encoding = RequestEncoding();
        var seq = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var request = requestStream.Current;
            if (request.RespondWithStatus is { } status)
            {
                EndWithStatus(status, trailing, context);
                return;
            }

            await responseStream.WriteAsync(MakeResponse(request, encoding, seq++));
        }

        AddTrailers(context, trailing);
    }

    /// <summary>The request's grpc-encoding header as sent ("identity" when there is none).</summary>
    private string RequestEncoding()
    {
        var value = httpContextAccessor.HttpContext?.Request.Headers["grpc-encoding"].ToString();
        return string.IsNullOrEmpty(value) ? "identity" : value;
    }

    /// <summary>Sends x-grpc-test-echo-initial back as response headers; returns the trailers to echo.</summary>
    private static async Task<List<Metadata.Entry>> EchoMetadataAsync(ServerCallContext context)
    {
        var initial = context.RequestHeaders.GetAll(EchoInitialKey).ToList();
        if (initial.Count > 0)
        {
            var headers = new Metadata();
            foreach (var entry in initial)
            {
                headers.Add(entry);
            }

            await context.WriteResponseHeadersAsync(headers);
        }

        return context.RequestHeaders.GetAll(EchoTrailingKey).ToList();
    }

    private static void AddTrailers(ServerCallContext context, IEnumerable<Metadata.Entry> entries)
    {
        foreach (var entry in entries)
        {
            context.ResponseTrailers.Add(entry);
        }
    }

    /// <summary>Ends the call with the requested status: throws unless the code is OK.</summary>
    private static void EndWithStatus(ResponseStatus status, IEnumerable<Metadata.Entry> trailing, ServerCallContext context)
    {
        var trailers = new Metadata();
        foreach (var entry in trailing)
        {
            trailers.Add(entry);
        }

        if (status.WithDetails)
        {
            trailers.Add(DetailsKey, StatusDetails(status.Code, status.Message));
        }

        var code = status.Code is >= 0 and <= 16 ? (StatusCode)status.Code : StatusCode.Unknown;
        if (code == StatusCode.OK)
        {
            AddTrailers(context, trailers);
            context.Status = new Status(StatusCode.OK, status.Message);
            return;
        }

        throw new RpcException(new Status(code, status.Message), trailers);
    }

    private static byte[] StatusDetails(int code, string message)
    {
        var badRequest = new BadRequest
        {
            FieldViolations = { new BadRequest.Types.FieldViolation { Field = "message", Description = "must not be empty" } },
        };
        var status = new Google.Rpc.Status { Code = code, Message = message, Details = { Any.Pack(badRequest) } };
        return status.ToByteArray();
    }

    private static EchoResponse MakeResponse(EchoRequest request, string encoding, int index) => new()
    {
        Message = request.Message,
        Payload = request.ResponseSize > 0 ? Repeat(request.ResponseSize) : request.Payload,
        Index = index,
        RequestEncoding = encoding,
    };

    private static ByteString Repeat(int size)
    {
        var bytes = new byte[size];
        bytes.AsSpan().Fill((byte)'a');
        return UnsafeByteOperations.UnsafeWrap(bytes);
    }
}
