using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using DanVan.Plugins.Grpc;
using Google.Protobuf;

namespace DanVan.Plugins.HostSample.Paging;

/// <summary>
/// Page tokens bound to the filters they were issued for: "v1.{digest of the filters}.{offset}",
/// base64url. A token sent with other filters, or not made here, is INVALID_ARGUMENT (common.proto).
/// </summary>
internal static class PageTokens
{
    /// <summary>Host maximum page size; larger requests are clamped (common.proto: at least 1000).</summary>
    public const int MaxPageSize = 1000;

    /// <summary>The page size to use: the default for 0, clamped to the maximum; negative is INVALID_ARGUMENT.</summary>
    public static int PageSize(int requested, int defaultSize)
    {
        if (requested < 0)
        {
            throw RichStatus.InvalidArgument("page_size không được âm.", ("page_size", "page_size phải lớn hơn hoặc bằng 0."));
        }

        return requested == 0 ? defaultSize : Math.Min(requested, MaxPageSize);
    }

    /// <summary>The offset a token stands for (0 for an empty token). <paramref name="filters"/> is the request with page_size and page_token cleared.</summary>
    public static int Offset(string token, IMessage filters)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw Invalid("page_token không hợp lệ.");
        }

        var parts = text.Split('.');
        if (parts.Length != 3 || parts[0] != "v1" || !int.TryParse(parts[2], out var offset) || offset <= 0)
        {
            throw Invalid("page_token không hợp lệ.");
        }

        if (!string.Equals(parts[1], Digest(filters), StringComparison.Ordinal))
        {
            throw Invalid("page_token được cấp cho bộ lọc khác; hãy gửi đúng bộ lọc của trang đầu.");
        }

        return offset;
    }

    /// <summary>The token of the page starting at <paramref name="offset"/>, or "" when there is none.</summary>
    public static string Next(int offset, int total, IMessage filters) =>
        offset >= total ? "" : Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"v1.{Digest(filters)}.{offset}"));

    private static string Digest(IMessage filters) => Convert.ToHexStringLower(SHA256.HashData(filters.ToByteArray()))[..16];

    private static RpcException Invalid(string message) => RichStatus.InvalidArgument(message, ("page_token", message));
}
