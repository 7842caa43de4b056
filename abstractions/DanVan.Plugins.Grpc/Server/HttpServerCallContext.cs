using DanVan.Plugins.Grpc.Internal;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DanVan.Plugins.Grpc.Server;

/// <summary>The server side of one call, on top of the HttpContext Kestrel gives us.</summary>
internal sealed class HttpServerCallContext : ServerCallContext, IDisposable
{
    private readonly HttpContext _http;
    private readonly ServerCallSettings _settings;
    private readonly string _method;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private Dictionary<object, object>? _userState;
    private CancellationTokenSource? _deadlineCts;
    private CancellationTokenSource? _linkedCts;
    private TaskCompletionSource? _deadlineReached;
    private SemaphoreSlim? _writeLock;
    private DateTime _deadline = DateTime.MaxValue;
    private bool _messageWritten;
    private bool _completed;

    public HttpServerCallContext(HttpContext http, ServerCallSettings settings, string method)
    {
        _http = http;
        _settings = settings;
        _method = method;
    }

    public override string Method => _method;

    public override string Host => _http.Request.Host.Value ?? "";

    public override string Peer => _http.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } ip => $"ipv6:[{ip}]:{_http.Connection.RemotePort}",
        var ip => $"ipv4:{ip}:{_http.Connection.RemotePort}",
    };

    public override DateTime Deadline => _deadline;

    public override Metadata RequestHeaders => _requestHeaders ??= MetadataConversion.FromHeaders(_http.Request.Headers);

    public override CancellationToken CancellationToken => _linkedCts?.Token ?? _http.RequestAborted;

    public override Metadata ResponseTrailers => _responseTrailers ??= new Metadata();

    public override Status Status { get; set; }

    public override IDictionary<object, object> UserState => _userState ??= [];

    public HttpContext HttpContext => _http;

    /// <summary>The service instance serving this call (so interceptor chains built once can reach it).</summary>
    public object? Service { get; set; }

    public string? RequestEncoding { get; private set; }

    public bool CompressResponses { get; private set; }

    public bool DeadlineExceeded { get; private set; }

    public bool HasDeadline => _deadlineReached is not null;

    public Task DeadlineReached => _deadlineReached?.Task ?? Task.CompletedTask;

    public int? MaxReceiveMessageSize => _settings.Options.MaxReceiveMessageSize;

    /// <summary>Reads the protocol headers; returns false (after answering) when the call cannot proceed.</summary>
    public bool Initialize()
    {
        _http.Response.ContentType = GrpcProtocol.ContentType;
        var headers = _http.Request.Headers;
        var encoding = headers[GrpcProtocol.EncodingHeader].ToString();
        if (encoding.Length > 0)
        {
            if (!MessageCompression.IsSupported(encoding))
            {
                _http.Response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;
                WriteStatus(new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: identity, gzip"));
                _completed = true;
                return false;
            }

            RequestEncoding = encoding;
        }

        if (_settings.Options.ResponseCompressionAlgorithm is { } algorithm
            && MessageCompression.IsGzip(algorithm)
            && MessageCompression.AcceptsGzip(headers[GrpcProtocol.AcceptEncodingHeader].ToString()))
        {
            CompressResponses = true;
            _http.Response.Headers[GrpcProtocol.EncodingHeader] = GrpcProtocol.Gzip;
        }

        var timeout = headers[GrpcProtocol.TimeoutHeader].ToString();
        if (timeout.Length > 0 && GrpcTimeout.TryParse(timeout, out var span))
        {
            StartDeadline(span);
        }

        return true;
    }

    public override Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        if (_http.Response.HasStarted)
        {
            throw new InvalidOperationException("Response headers can only be sent once per call.");
        }

        foreach (var entry in responseHeaders)
        {
            if (GrpcProtocol.IsReservedHeader(entry.Key))
            {
                continue;
            }

            _http.Response.Headers.Append(entry.Key, MetadataConversion.EncodeValue(entry));
        }

        return _http.Response.BodyWriter.FlushAsync(CancellationToken).AsTask();
    }

    /// <summary>Writes one response message; flushes when asked (every streamed message, not the unary one).</summary>
    public async ValueTask WriteMessageAsync<T>(T message, bool flush, CancellationToken cancellationToken)
        where T : IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_writeLock is null)
        {
            await WriteMessageCoreAsync(message, flush, cancellationToken);
            return;
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await WriteMessageCoreAsync(message, flush, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Ends the call with its status: as trailers after messages, or trailers-only when nothing was sent.</summary>
    public async ValueTask CompleteAsync(Status status)
    {
        if (_writeLock is null)
        {
            CompleteCore(status);
            return;
        }

        await _writeLock.WaitAsync();
        try
        {
            CompleteCore(status);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Answers DEADLINE_EXCEEDED at once even if the handler is still running; its later writes fail.</summary>
    public async Task CompleteOnDeadlineAsync()
    {
        await _writeLock!.WaitAsync();
        try
        {
            if (_completed)
            {
                return;
            }

            CompleteCore(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
            await _http.Response.CompleteAsync();
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
        {
            // The client is gone too; nothing left to tell it.
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        _linkedCts?.Dispose();
        _deadlineCts?.Dispose();
    }

    private async ValueTask WriteMessageCoreAsync<T>(T message, bool flush, CancellationToken cancellationToken)
        where T : IMessage<T>
    {
        if (_completed)
        {
            throw new InvalidOperationException("Can't write the message because the call is complete.");
        }

        var size = message.CalculateSize();
        if (_settings.Options.MaxSendMessageSize is { } max && size > max)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, "Sending message exceeds the maximum configured message size."));
        }

        var writer = _http.Response.BodyWriter;
        if (CompressResponses)
        {
            Framing.WriteFrame(writer, MessageCompression.Compress(message.ToByteArray()), compressed: true);
        }
        else
        {
            var span = writer.GetSpan(GrpcProtocol.HeaderSize + size);
            Framing.WriteHeader(span, compressed: false, size);
            message.WriteTo(span.Slice(GrpcProtocol.HeaderSize, size));
            writer.Advance(GrpcProtocol.HeaderSize + size);
        }

        _messageWritten = true;
        if (flush)
        {
            var result = await writer.FlushAsync(cancellationToken);
            if (result.IsCanceled || result.IsCompleted)
            {
                throw new OperationCanceledException("The response stream was closed.");
            }
        }
    }

    private void CompleteCore(Status status)
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        WriteStatus(status);
    }

    private void WriteStatus(Status status)
    {
        var response = _http.Response;
        if (!_messageWritten && !response.HasStarted)
        {
            // Trailers-only: the status travels in the one HEADERS frame, which ends the stream.
            WriteStatusTo(response.Headers, status);
        }
        else if (_http.Features.Get<IHttpResponseTrailersFeature>() is { } trailersFeature)
        {
            WriteStatusTo(trailersFeature.Trailers, status);
        }
    }

    private void WriteStatusTo(IHeaderDictionary target, Status status)
    {
        target[GrpcProtocol.StatusHeader] = StatusCodeText((int)status.StatusCode);
        if (status.Detail.Length > 0)
        {
            target[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(status.Detail);
        }

        if (_responseTrailers is null)
        {
            return;
        }

        foreach (var entry in _responseTrailers)
        {
            if (!GrpcProtocol.IsReservedHeader(entry.Key))
            {
                target.Append(entry.Key, MetadataConversion.EncodeValue(entry));
            }
        }
    }

    private void StartDeadline(TimeSpan timeout)
    {
        var now = _settings.TimeProvider.GetUtcNow().UtcDateTime;
        _deadline = timeout >= DateTime.MaxValue - now ? DateTime.MaxValue : now + timeout;
        _writeLock = new SemaphoreSlim(1, 1);
        _deadlineReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _deadlineCts = new CancellationTokenSource(timeout, _settings.TimeProvider);
        _linkedCts = CancellationTokenSource.CreateLinkedTokenSource(_http.RequestAborted, _deadlineCts.Token);
        _deadlineCts.Token.UnsafeRegister(static state =>
        {
            var context = (HttpServerCallContext)state!;
            context.DeadlineExceeded = true;
            context._deadlineReached!.TrySetResult();
        }, this);
    }

    private static string StatusCodeText(int code) => code switch
    {
        0 => "0",
        >= 1 and <= 16 => CachedCodes[code],
        _ => code.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static readonly string[] CachedCodes = Enumerable.Range(0, 17).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
