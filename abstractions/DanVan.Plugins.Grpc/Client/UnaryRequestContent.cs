using System.Net;
using DanVan.Plugins.Grpc.Internal;

namespace DanVan.Plugins.Grpc.Client;

/// <summary>The body of a call with one request message: the whole frame, known up front (so it can be resent on retry).</summary>
internal sealed class UnaryRequestContent : HttpContent
{
    private readonly byte[] _frame;

    public UnaryRequestContent(byte[] frame)
    {
        _frame = frame;
        Headers.TryAddWithoutValidation("content-type", GrpcProtocol.ContentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_frame).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(_frame, cancellationToken).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = _frame.Length;
        return true;
    }
}
