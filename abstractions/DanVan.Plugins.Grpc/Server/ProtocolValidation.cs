using DanVan.Plugins.Grpc.Internal;
using Microsoft.AspNetCore.Http;

namespace DanVan.Plugins.Grpc.Server;

/// <summary>The HTTP-level checks before a request is treated as a gRPC call.</summary>
internal static class ProtocolValidation
{
    public static bool Validate(HttpContext http)
    {
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = "POST";
            return false;
        }

        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            Reject(http, StatusCodes.Status415UnsupportedMediaType, $"Content-Type '{request.ContentType}' is not supported.");
            return false;
        }

        if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            Reject(http, StatusCodes.Status426UpgradeRequired, $"Request protocol '{request.Protocol}' is not supported.");
            return false;
        }

        return true;
    }

    private static void Reject(HttpContext http, int httpStatus, string message)
    {
        http.Response.StatusCode = httpStatus;
        http.Response.ContentType = GrpcProtocol.ContentType;
        http.Response.Headers[GrpcProtocol.StatusHeader] = "13";
        http.Response.Headers[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(message);
    }
}
