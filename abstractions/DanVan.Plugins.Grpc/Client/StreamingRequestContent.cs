using System.Net;
using DanVan.Plugins.Grpc.Internal;

namespace DanVan.Plugins.Grpc.Client;

/// <summary>
/// The body of a client-streaming or duplex call. HttpClient hands us the request stream
/// when it starts sending; messages are written to it as the caller produces them, and
/// the body ends (half-close) when the caller completes the stream.
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamingRequestContent() => Headers.TryAddWithoutValidation("content-type", GrpcProtocol.ContentType);

    public async Task WriteAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        var stream = await _stream.Task.WaitAsync(cancellationToken);
        await stream.WriteAsync(frame, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    public void Complete() => _complete.TrySetResult();

    public void Abort() => _complete.TrySetCanceled();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _stream.TrySetResult(stream);
        await _complete.Task.WaitAsync(cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
