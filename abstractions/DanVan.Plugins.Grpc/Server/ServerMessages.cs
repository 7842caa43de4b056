namespace DanVan.Plugins.Grpc.Server;

internal static class ServerMessages
{
    /// <summary>The error for a unary or server-streaming call whose request stream ended without its message.</summary>
    public static RpcException NoRequestMessage() => new(new Status(StatusCode.Internal, "Request did not include a message."));
}
