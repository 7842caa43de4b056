using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.HostSample.Services;

/// <summary>The request checks every rpc shares, failing with the status codes danvan.host.v1 prescribes.</summary>
internal static class Require
{
    public static string Id(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw RichStatus.InvalidArgument($"Thiếu {field}.", (field, $"{field} là bắt buộc."));
        }

        return value;
    }

    public static T Found<T>(T? value, string kind, string id)
        where T : class =>
        value ?? throw new RpcException(new Status(StatusCode.NotFound, $"Không tìm thấy {kind} có mã \"{id}\"."));
}
