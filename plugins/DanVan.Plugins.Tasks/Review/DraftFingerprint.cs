using System.Security.Cryptography;
using System.Text;
using DanVan.Plugins.Contracts.Host.V1;

namespace DanVan.Plugins.Tasks.Review;

/// <summary>
/// A fingerprint of a document as its draft was read: a hash of the text the extractor read and of the
/// e-office's update_time (when the host sends one). The review page and the API hand it out with the draft
/// and take it back on confirmation, so a document changed in between is noticed before any task is created.
/// </summary>
internal static class DraftFingerprint
{
    public static string Of(Document document)
    {
        var updated = document.UpdateTime is { } t ? $"{t.Seconds}.{t.Nanos}" : string.Empty;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(updated + "\n" + (document.FullText ?? string.Empty)));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>Whether a fingerprint the officer's page or the caller sent still matches; none sent is not checked (older callers).</summary>
    public static bool Matches(string? sent, DocumentReview review) =>
        string.IsNullOrWhiteSpace(sent) || string.Equals(sent.Trim(), review.Fingerprint, StringComparison.Ordinal);

    public const string Changed = "Văn bản đã thay đổi sau khi bạn mở bản rà soát nên chưa tạo nhiệm vụ nào. Hãy xem lại bản nháp mới bên dưới rồi xác nhận lại.";

    public const string ChangedForApi = "Văn bản đã thay đổi sau khi bản nháp được đọc nên chưa tạo nhiệm vụ nào. Hãy đọc lại bản nháp (GetDocumentDraft), cho cán bộ xem lại rồi xác nhận lại.";
}
