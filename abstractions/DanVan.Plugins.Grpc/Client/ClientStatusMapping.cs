using System.Net;

namespace DanVan.Plugins.Grpc.Client;

/// <summary>How HTTP-level failures become gRPC statuses on the client (PROTOCOL-HTTP2.md, "HTTP to gRPC Status Code Mapping").</summary>
internal static class ClientStatusMapping
{
    public static StatusCode FromHttpStatus(HttpStatusCode status) => (int)status switch
    {
        400 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    /// <summary>Maps an HTTP/2 RST_STREAM error code.</summary>
    public static StatusCode FromHttp2Error(long errorCode) => errorCode switch
    {
        0x8 => StatusCode.Cancelled,          // CANCEL
        0x7 => StatusCode.Unavailable,        // REFUSED_STREAM
        0xb => StatusCode.ResourceExhausted,  // ENHANCE_YOUR_CALM
        0xc => StatusCode.PermissionDenied,   // INADEQUATE_SECURITY
        _ => StatusCode.Internal,
    };
}
