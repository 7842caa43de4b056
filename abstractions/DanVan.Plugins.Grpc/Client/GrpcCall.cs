using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using DanVan.Plugins.Grpc.Internal;
using Google.Protobuf;

namespace DanVan.Plugins.Grpc.Client;

/// <summary>
/// One client call over HTTP/2: sends the request (whole, or streamed as the caller writes),
/// reads response messages, and turns headers, trailers and transport failures into a status.
/// </summary>
internal sealed partial class GrpcCall<TRequest, TResponse> : IAsyncStreamReader<TResponse>, IClientStreamWriter<TRequest>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private const string UserAgent = "grpc-dotnet-danvan/1.0";
    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly CancellationTokenSource _cts;
    private readonly CancellationTokenSource? _deadlineCts;
    private readonly CancellationToken _token;
    private readonly TaskCompletionSource<Metadata> _headers = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeProvider _time;
    private Task<HttpResponseMessage>? _sendTask;
    private Task<bool>? _responseStart;
    private StreamingRequestContent? _requestContent;
    private HttpResponseMessage? _response;
    private PipeReader? _reader;
    private string? _responseEncoding;
    private Status? _status;
    private Metadata? _trailers;
    private TResponse? _current;
    private bool _writeInProgress;
    private bool _writesCompleted;
    private int _cleanedUp;

    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _options = options;
        _time = channel.Options.TimeProvider;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
        if (options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            var remaining = deadline.ToUniversalTime() - _time.GetUtcNow().UtcDateTime;
            _deadlineCts = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, _time);
            _deadlineCts.Token.UnsafeRegister(static state => CancelQuietly((CancellationTokenSource)state!), _cts);
        }

        _token = _cts.Token;
    }

    public Task<Metadata> ResponseHeadersAsync => _headers.Task;

    public TResponse Current => _current ?? throw new InvalidOperationException("No current message: call MoveNext first.");

    private bool DeadlineExceeded => _deadlineCts?.IsCancellationRequested == true;

    public Status GetStatus() => _status ?? throw new InvalidOperationException("Unable to get the status because the call is not complete.");

    public Metadata GetTrailers() => _trailers ?? throw new InvalidOperationException("Can't get the call trailers because the call has not completed successfully.");

    public async Task<TResponse> RunUnaryAsync(TRequest request)
    {
        try
        {
            var frame = SerializeFrame(request);
            var retry = _method.IsIdempotent ? _channel.Options.RetryPolicy : null;
            for (var attempt = 1; ; attempt++)
            {
                var outcome = await AttemptUnaryAsync(frame, attempt);
                if (outcome.Response is not null)
                {
                    Finish(outcome.Status, outcome.Trailers);
                    return outcome.Response;
                }

                if (retry is null || outcome.Committed || attempt >= retry.MaxAttempts
                    || !retry.RetryableStatusCodes.Contains(outcome.Status.StatusCode) || _token.IsCancellationRequested)
                {
                    throw Fail(outcome.Status, outcome.Trailers);
                }

                var delay = outcome.Pushback ?? Backoff(retry, attempt);
                if (delay < TimeSpan.Zero || (_options.Deadline is { } deadline && _time.GetUtcNow().UtcDateTime + delay >= deadline.ToUniversalTime()))
                {
                    throw Fail(outcome.Status, outcome.Trailers);
                }

                try
                {
                    await Task.Delay(delay, _time, _token);
                }
                catch (OperationCanceledException)
                {
                    throw Fail(CancelledStatus(), Metadata.Empty);
                }
            }
        }
        catch (RpcException ex) when (_status is null)
        {
            throw Fail(ex.Status, ex.Trailers);
        }
        finally
        {
            Cleanup();
        }
    }

    public void StartServerStreaming(TRequest request)
    {
        try
        {
            _sendTask = SendAsync(new UnaryRequestContent(SerializeFrame(request)), attempt: 1);
        }
        catch (RpcException ex)
        {
            _sendTask = Task.FromException<HttpResponseMessage>(ex);
        }

        StartReadingResponse();
    }

    public void StartClientStreaming()
    {
        _requestContent = new StreamingRequestContent();
        _sendTask = SendAsync(_requestContent, attempt: 1);
        StartReadingResponse();
    }

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (_status is { } done)
        {
            return done.StatusCode == StatusCode.OK ? false : throw new RpcException(done, _trailers ?? Metadata.Empty);
        }

        using var registration = cancellationToken.UnsafeRegister(static state => CancelQuietly((CancellationTokenSource)state!), _cts);
        try
        {
            if (!await _responseStart!)
            {
                return CompleteStream();
            }

            var message = await MessageReader.ReadAsync(_reader!, _method.ResponseParser, _responseEncoding, _channel.Options.MaxReceiveMessageSize, _token);
            if (message is not null)
            {
                _current = message;
                return true;
            }

            var (status, trailers) = ReadTrailers();
            Finish(status, trailers);
            return CompleteStream();
        }
        catch (Exception ex) when (_status is null)
        {
            throw Fail(MapException(ex), Metadata.Empty);
        }
    }

    public async Task<TResponse> ReadSingleResponseAsync()
    {
        try
        {
            if (!await _responseStart!)
            {
                throw Fail(_status!.Value.StatusCode == StatusCode.OK ? NoMessageStatus() : _status.Value, _trailers ?? Metadata.Empty);
            }

            var message = await MessageReader.ReadAsync(_reader!, _method.ResponseParser, _responseEncoding, _channel.Options.MaxReceiveMessageSize, _token);
            var extra = message is null ? null : await MessageReader.ReadAsync(_reader!, _method.ResponseParser, _responseEncoding, _channel.Options.MaxReceiveMessageSize, _token);
            var (status, trailers) = ReadTrailers();
            if (status.StatusCode != StatusCode.OK)
            {
                throw Fail(status, trailers);
            }

            if (message is null || extra is not null)
            {
                throw Fail(message is null ? NoMessageStatus() : new Status(StatusCode.Internal, "The server sent more than one response message for a call that expects one."), trailers);
            }

            Finish(status, trailers);
            return message;
        }
        catch (Exception ex) when (_status is null)
        {
            throw Fail(MapException(ex), Metadata.Empty);
        }
        finally
        {
            Cleanup();
        }
    }

    public Task WriteAsync(TRequest message) => WriteAsync(message, CancellationToken.None);

    public async Task WriteAsync(TRequest message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_writesCompleted)
        {
            throw new InvalidOperationException("Request stream has already been completed.");
        }

        if (_status is { } done)
        {
            throw new RpcException(done.StatusCode == StatusCode.OK ? new Status(StatusCode.Cancelled, "The call has already completed.") : done, _trailers ?? Metadata.Empty);
        }

        if (_writeInProgress)
        {
            throw new InvalidOperationException("Can't write the message because the previous write is in progress.");
        }

        _writeInProgress = true;
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _token);
            await _requestContent!.WriteAsync(SerializeFrame(message), linked.Token);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw new RpcException(_status ?? MapException(ex), _trailers ?? Metadata.Empty);
        }
        finally
        {
            _writeInProgress = false;
        }
    }

    public Task CompleteAsync()
    {
        _writesCompleted = true;
        _requestContent?.Complete();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (_status is null)
        {
            _cts.Cancel();
            Finish(new Status(StatusCode.Cancelled, "gRPC call disposed."), Metadata.Empty);
        }

        Cleanup();
    }

    private bool CompleteStream()
    {
        var status = _status!.Value;
        Cleanup();
        return status.StatusCode == StatusCode.OK ? false : throw new RpcException(status, _trailers ?? Metadata.Empty);
    }

    /// <summary>
    /// Starts awaiting the response headers of a streaming call at once, so ResponseHeadersAsync
    /// completes before (and without) a read; the reads share this one start.
    /// </summary>
    private void StartReadingResponse()
    {
        _responseStart = StartResponseAsync();
        _ = ObserveResponseStartAsync(_responseStart);
    }

    private async Task ObserveResponseStartAsync(Task<bool> start)
    {
        try
        {
            await start;
        }
        catch (Exception ex)
        {
            // The reads report the failure as the call's status; the headers fail with it now.
            if (_headers.TrySetException(new RpcException(_status ?? MapException(ex), _trailers ?? Metadata.Empty)))
            {
                _ = _headers.Task.Exception;
            }

            return;
        }

        if (Volatile.Read(ref _cleanedUp) != 0)
        {
            _response?.Dispose(); // Disposed while the headers were on their way.
        }
    }

    /// <summary>Awaits the response headers; false when the call already ended (trailers-only or an HTTP error).</summary>
    private async Task<bool> StartResponseAsync()
    {
        var response = await _sendTask!;
        _response = response;
        var early = CheckResponseHeaders(response);
        if (early is { } status)
        {
            Finish(status, MetadataConversion.FromHeaders(response.Headers));
            return false;
        }

        _headers.TrySetResult(MetadataConversion.FromHeaders(response.Headers));
        _reader = PipeReader.Create(await response.Content.ReadAsStreamAsync(_token));
        return true;
    }

    private async Task<UnaryOutcome> AttemptUnaryAsync(byte[] frame, int attempt)
    {
        HttpResponseMessage? response = null;
        var committed = false;
        try
        {
            response = await SendAsync(new UnaryRequestContent(frame), attempt);
            if (CheckResponseHeaders(response) is { } early)
            {
                var headerTrailers = MetadataConversion.FromHeaders(response.Headers);
                return new UnaryOutcome(null, early, headerTrailers, committed, Pushback(response.Headers));
            }

            // Response headers without a status commit the call: no retry from here on (gRFC A6).
            committed = true;
            _headers.TrySetResult(MetadataConversion.FromHeaders(response.Headers));
            _response = response;
            var reader = PipeReader.Create(await response.Content.ReadAsStreamAsync(_token));
            var message = await MessageReader.ReadAsync(reader, _method.ResponseParser, _responseEncoding, _channel.Options.MaxReceiveMessageSize, _token);
            var extra = message is null ? null : await MessageReader.ReadAsync(reader, _method.ResponseParser, _responseEncoding, _channel.Options.MaxReceiveMessageSize, _token);
            var (status, trailers) = ReadTrailers();
            if (status.StatusCode == StatusCode.OK && (message is null || extra is not null))
            {
                status = message is null ? NoMessageStatus() : new Status(StatusCode.Internal, "The server sent more than one response message for a unary call.");
            }

            return new UnaryOutcome(status.StatusCode == StatusCode.OK ? message : null, status, trailers, committed, null);
        }
        catch (Exception ex)
        {
            return new UnaryOutcome(null, MapException(ex), Metadata.Empty, committed, null);
        }
        finally
        {
            response?.Dispose();
            _response = null;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpContent content, int attempt)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _channel.GetUri(_method))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        var headers = request.Headers;
        headers.TryAddWithoutValidation("te", "trailers");
        headers.TryAddWithoutValidation("user-agent", UserAgent);
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.SupportedEncodings);
        if (MessageCompression.IsGzip(_channel.Options.CompressionAlgorithm))
        {
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, GrpcProtocol.Gzip);
        }

        if (_options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            var remaining = deadline.ToUniversalTime() - _time.GetUtcNow().UtcDateTime;
            if (remaining <= TimeSpan.Zero)
            {
                throw new RpcException(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
            }

            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(remaining));
        }

        if (attempt > 1)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.PreviousAttemptsHeader, (attempt - 1).ToString(CultureInfo.InvariantCulture));
        }

        if (_options.Headers is { } metadata)
        {
            AddMetadata(headers, metadata);
        }

        if (_channel.Options.Credentials is { } credentials)
        {
            var credentialHeaders = new Metadata();
            await credentials.ApplyAsync(_method, credentialHeaders);
            AddMetadata(headers, credentialHeaders);
        }

        return await _channel.Invoker.SendAsync(request, _token);
    }

    private static void AddMetadata(HttpRequestHeaders headers, Metadata metadata)
    {
        foreach (var entry in metadata)
        {
            if (!GrpcProtocol.IsReservedHeader(entry.Key))
            {
                headers.TryAddWithoutValidation(entry.Key, MetadataConversion.EncodeValue(entry));
            }
        }
    }

    private Status? CheckResponseHeaders(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new Status(ClientStatusMapping.FromHttpStatus(response.StatusCode), $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}");
        }

        if (TryReadStatus(response.Headers, out var trailersOnly))
        {
            return trailersOnly;
        }

        var contentType = response.Content.Headers.TryGetValues("content-type", out var values) ? values.FirstOrDefault() : null;
        if (!GrpcProtocol.IsGrpcContentType(contentType))
        {
            return new Status(StatusCode.Internal, $"Bad gRPC response. Invalid content-type value: {contentType}");
        }

        if (response.Headers.NonValidated.TryGetValues(GrpcProtocol.EncodingHeader, out var encodings))
        {
            var encoding = encodings.ToString();
            if (!MessageCompression.IsSupported(encoding))
            {
                return new Status(StatusCode.Internal, $"The server used grpc-encoding '{encoding}', which this client does not support.");
            }

            _responseEncoding = encoding;
        }

        return null;
    }

    private (Status Status, Metadata Trailers) ReadTrailers()
    {
        var trailingHeaders = _response!.TrailingHeaders;
        var trailers = MetadataConversion.FromHeaders(trailingHeaders);
        return TryReadStatus(trailingHeaders, out var status)
            ? (status, trailers)
            : (new Status(StatusCode.Internal, "No grpc-status found on response."), trailers);
    }

    private static bool TryReadStatus(HttpHeaders headers, out Status status)
    {
        status = default;
        if (!headers.NonValidated.TryGetValues(GrpcProtocol.StatusHeader, out var codeValues))
        {
            return false;
        }

        var message = headers.NonValidated.TryGetValues(GrpcProtocol.MessageHeader, out var messageValues)
            ? PercentEncoding.Decode(messageValues.ToString())
            : "";
        status = int.TryParse(codeValues.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? new Status((StatusCode)code, message)
            : new Status(StatusCode.Unknown, $"Unexpected grpc-status value '{codeValues}'. {message}".TrimEnd());
        return true;
    }

    private static TimeSpan? Pushback(HttpResponseHeaders headers) =>
        headers.NonValidated.TryGetValues(GrpcProtocol.RetryPushbackHeader, out var values)
        && int.TryParse(values.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : null;

    private static TimeSpan Backoff(RetryPolicy policy, int attempt)
    {
        var bound = policy.InitialBackoff.TotalMilliseconds * Math.Pow(policy.BackoffMultiplier, attempt - 1);
        bound = Math.Min(bound, policy.MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * bound);
    }

    private byte[] SerializeFrame(TRequest message)
    {
        var size = message.CalculateSize();
        if (_channel.Options.MaxSendMessageSize is { } max && size > max)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, "Sending message exceeds the maximum configured message size."));
        }

        if (MessageCompression.IsGzip(_channel.Options.CompressionAlgorithm))
        {
            var compressed = MessageCompression.Compress(message.ToByteArray());
            var zipped = new byte[GrpcProtocol.HeaderSize + compressed.Length];
            Framing.WriteHeader(zipped, compressed: true, compressed.Length);
            compressed.CopyTo(zipped.AsSpan(GrpcProtocol.HeaderSize));
            return zipped;
        }

        var frame = new byte[GrpcProtocol.HeaderSize + size];
        Framing.WriteHeader(frame, compressed: false, size);
        message.WriteTo(frame.AsSpan(GrpcProtocol.HeaderSize));
        return frame;
    }

    private Status MapException(Exception ex)
    {
        if (ex is RpcException rpc)
        {
            return rpc.Status;
        }

        if (_token.IsCancellationRequested)
        {
            return CancelledStatus();
        }

        var protocol = ex as HttpProtocolException ?? ex.InnerException as HttpProtocolException;
        if (protocol is not null)
        {
            return new Status(ClientStatusMapping.FromHttp2Error(protocol.ErrorCode), "The HTTP/2 stream was reset: " + protocol.Message, ex);
        }

        return ex switch
        {
            HttpRequestException => new Status(StatusCode.Unavailable, "Error starting gRPC call. " + ex.GetType().Name + ": " + ex.Message, ex),
            IOException => new Status(StatusCode.Unavailable, "Error reading the response: " + ex.Message, ex),
            OperationCanceledException => new Status(StatusCode.Cancelled, "Call canceled.", ex),
            _ => new Status(StatusCode.Internal, "Error in the gRPC client: " + ex.GetType().Name + ": " + ex.Message, ex),
        };
    }

    private Status CancelledStatus() => DeadlineExceeded
        ? new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded")
        : new Status(StatusCode.Cancelled, "Call canceled by the client.");

    private static Status NoMessageStatus() => new(StatusCode.Internal, "The server ended the call with OK but sent no response message.");

    private RpcException Fail(Status status, Metadata trailers)
    {
        Finish(status, trailers);
        return new RpcException(_status!.Value, _trailers!);
    }

    private void Finish(Status status, Metadata trailers)
    {
        if (_status is not null)
        {
            return;
        }

        // Once the call's own deadline has passed it has failed with DEADLINE_EXCEEDED, whatever the
        // server answered to the cancellation that followed (e.g. CANCELLED through TestServer).
        if (DeadlineExceeded && status.StatusCode != StatusCode.OK)
        {
            status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }

        _trailers = trailers;
        _status = status;
        if (!_headers.Task.IsCompleted)
        {
            if (status.StatusCode == StatusCode.OK)
            {
                _headers.TrySetResult(Metadata.Empty);
            }
            else
            {
                _headers.TrySetException(new RpcException(status, trailers));
                _ = _headers.Task.Exception;
            }
        }
    }

    private void Cleanup()
    {
        if (Interlocked.Exchange(ref _cleanedUp, 1) != 0)
        {
            return;
        }

        _requestContent?.Abort();
        _response?.Dispose();
        _deadlineCts?.Dispose();
        _cts.Dispose();
    }

    // A timer or caller token may fire while the call is cleaning up; a disposed source means it already ended.
    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private readonly record struct UnaryOutcome(TResponse? Response, Status Status, Metadata Trailers, bool Committed, TimeSpan? Pushback);
}
