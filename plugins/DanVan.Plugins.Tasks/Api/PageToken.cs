using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DanVan.Plugins.Tasks.Api;

/// <summary>
/// Opaque page tokens: the offset of the next page bound to the request it was issued for (the rpc and its
/// filters, hashed), so a token replayed with other filters is refused instead of silently skipping rows.
/// </summary>
internal static class PageToken
{
    public const int DefaultSize = 100;
    public const int MaxSize = 1000;

    /// <summary>The page size to use: 0 → 100, above 1000 → 1000; negative → INVALID_ARGUMENT.</summary>
    public static int Size(int requested) => requested switch
    {
        < 0 => throw ApiErrors.Invalid("page_size", "Số bản ghi mỗi trang không được âm."),
        0 => DefaultSize,
        > MaxSize => MaxSize,
        _ => requested,
    };

    /// <summary>The offset a token stands for (0 for an empty token); INVALID_ARGUMENT when malformed or issued for another request.</summary>
    public static int Offset(string token, string scope)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        string text;
        try
        {
            text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw Invalid();
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            && text.AsSpan(colon + 1).SequenceEqual(Fingerprint(scope))
            ? offset
            : throw Invalid();
    }

    /// <summary>The token of the page starting at <paramref name="next"/>, or empty when <paramref name="next"/> is past the end.</summary>
    public static string Next(int next, int total, string scope) =>
        next >= total ? string.Empty : Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{next}:{Fingerprint(scope)}")));

    private static string Fingerprint(string scope) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope)).AsSpan(0, 8));

    private static Grpc.RpcException Invalid() =>
        ApiErrors.Invalid("page_token", "Mã trang không hợp lệ hoặc không dùng cho yêu cầu này; hãy đọc lại từ trang đầu.");
}
