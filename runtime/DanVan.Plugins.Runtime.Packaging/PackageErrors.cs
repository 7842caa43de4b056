using System.Globalization;

namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>
/// Builds every <see cref="PackageError"/> in one place so each refusal has the same code, the
/// entry named, and matching English and Vietnamese wording wherever it is detected.
/// </summary>
internal static class PackageErrors
{
    public static PackageError PackageUnreadable(string path, string reason) => new(
        PackageErrorCode.PackageUnreadable, path,
        $"Cannot read the package file {path}: {reason}",
        $"Không đọc được tệp gói {path}: {reason}");

    public static PackageError NotAZip(string path, string detail) => new(
        PackageErrorCode.NotAZip, path,
        $"{path} is not a plugin package: it is not a valid zip archive ({detail}).",
        $"Tệp {path} không phải gói plugin: không phải tệp zip hợp lệ.");

    public static PackageError CorruptArchive(string entry, string detail) => new(
        PackageErrorCode.CorruptArchive, entry,
        $"The package is damaged at entry {entry}: {detail}",
        $"Gói bị hỏng tại tệp {entry}.");

    public static PackageError TooManyEntries(int count, int max) => new(
        PackageErrorCode.TooManyEntries, null,
        $"The package has {count} entries, more than the limit of {max} (possible zip bomb).",
        $"Gói có {count} tệp, vượt giới hạn {max} tệp (nghi là bom zip).");

    public static PackageError PackageFileTooLarge(string path, long size, long max) => new(
        PackageErrorCode.PackageTooLarge, path,
        $"The package file {path} is {size} bytes, more than the limit of {max} bytes.",
        $"Tệp gói {path} có dung lượng {size} byte, vượt giới hạn {max} byte.");

    public static PackageError PackageExpandsTooMuch(long size, long max) => new(
        PackageErrorCode.PackageTooLarge, null,
        $"The package expands to {size} bytes, more than the limit of {max} bytes (possible zip bomb).",
        $"Gói giải nén ra {size} byte, vượt giới hạn {max} byte (nghi là bom zip).");

    public static PackageError EntryTooLarge(string entry, long size, long max) => new(
        PackageErrorCode.PackageTooLarge, entry,
        $"Entry {entry} is {size} bytes, more than the limit of {max} bytes for it.",
        $"Tệp {entry} có dung lượng {size} byte, vượt giới hạn {max} byte.");

    public static PackageError CompressionRatioTooHigh(string entry, long ratio, int max) => new(
        PackageErrorCode.CompressionRatioTooHigh, entry,
        $"Entry {entry} expands {ratio}:1, more than the allowed {max}:1 (possible zip bomb).",
        $"Tệp {entry} có tỉ lệ nén {ratio}:1, vượt mức cho phép {max}:1 (nghi là bom zip).");

    public static PackageError EntrySizeMismatch(string entry, long declared) => new(
        PackageErrorCode.EntrySizeMismatch, entry,
        $"Entry {entry} declares {declared} bytes but inflates to a different size (damaged or crafted archive).",
        $"Tệp {entry} khai báo {declared} byte nhưng nội dung thực tế khác (gói bị hỏng hoặc bị làm giả).");

    public static PackageError EntryName(PackageErrorCode code, string entry, string reason, string reasonVi) => new(
        code, entry,
        $"Entry name '{Printable(entry)}' is refused: {reason}.",
        $"Tên tệp '{Printable(entry)}' trong gói bị từ chối: {reasonVi}.");

    public static PackageError SymbolicLink(string entry) => new(
        PackageErrorCode.SymbolicLink, entry,
        $"Entry {entry} is a symbolic link; packages may hold only regular files.",
        $"Tệp {entry} là liên kết tượng trưng (symlink); gói chỉ được chứa tệp thường.");

    public static PackageError SpecialFile(string entry) => new(
        PackageErrorCode.SpecialFile, entry,
        $"Entry {entry} is a device, pipe or other special file; packages may hold only regular files.",
        $"Tệp {entry} là tệp đặc biệt (thiết bị, pipe…); gói chỉ được chứa tệp thường.");

    public static PackageError DuplicateEntry(string entry, string other) => new(
        PackageErrorCode.DuplicateEntry, entry,
        string.Equals(entry, other, StringComparison.Ordinal)
            ? $"Entry {entry} appears more than once."
            : $"Entry {entry} clashes with {other} (names are compared ignoring case).",
        string.Equals(entry, other, StringComparison.Ordinal)
            ? $"Tệp {entry} xuất hiện nhiều lần trong gói."
            : $"Tệp {entry} trùng tên với {other} (không phân biệt hoa thường).");

    public static PackageError UnexpectedEntry(string entry) => new(
        PackageErrorCode.UnexpectedEntry, entry,
        $"Entry {entry} is outside the package layout: only plugin.json, SIGNATURE.json and files under lib/ (other than lib/plugin.json) are allowed.",
        $"Tệp {entry} nằm ngoài cấu trúc gói: chỉ cho phép plugin.json, SIGNATURE.json và các tệp trong lib/ (trừ lib/plugin.json).");

    public static PackageError ManifestMissing() => new(
        PackageErrorCode.ManifestMissing, PluginPackageFormat.ManifestEntryName,
        "The package has no plugin.json at its root.",
        "Gói thiếu tệp plugin.json ở thư mục gốc.");

    public static PackageError SignatureMissing() => new(
        PackageErrorCode.SignatureMissing, PluginPackageFormat.SignatureEntryName,
        "The package is not signed: SIGNATURE.json is missing.",
        "Gói chưa được ký: thiếu tệp SIGNATURE.json.");

    public static PackageError SignatureMalformed(string reason, string reasonVi) => new(
        PackageErrorCode.SignatureMalformed, PluginPackageFormat.SignatureEntryName,
        $"SIGNATURE.json is malformed: {reason}.",
        $"Tệp SIGNATURE.json không đúng định dạng: {reasonVi}.");

    public static PackageError UnsupportedSignatureFormat(string field, string value, string expected) => new(
        PackageErrorCode.UnsupportedSignatureFormat, PluginPackageFormat.SignatureEntryName,
        $"SIGNATURE.json has {field} '{value}', which this runtime does not support (expected '{expected}').",
        $"SIGNATURE.json có {field} '{value}' mà runtime này không hỗ trợ (cần '{expected}').");

    public static PackageError UntrustedPublisher(string publisher, string keyId) => new(
        PackageErrorCode.UntrustedPublisher, PluginPackageFormat.SignatureEntryName,
        $"The package is signed by '{publisher}' with key {keyId}, which is not among this province's trusted publisher keys.",
        $"Gói được ký bởi '{publisher}' bằng khóa {keyId}, khóa này không có trong danh sách nhà phát hành tin cậy của tỉnh.");

    public static PackageError SignatureInvalid(string publisher, string keyId) => new(
        PackageErrorCode.SignatureInvalid, PluginPackageFormat.SignatureEntryName,
        $"The signature in SIGNATURE.json does not verify with the key of '{publisher}' ({keyId}): the package was altered after signing or signed incorrectly.",
        $"Chữ ký trong SIGNATURE.json không khớp với khóa của '{publisher}': gói đã bị sửa sau khi ký hoặc ký sai.");

    public static PackageError PublisherMismatch(string manifestPublisher, string signedPublisher) => new(
        PackageErrorCode.PublisherMismatch, PluginPackageFormat.ManifestEntryName,
        $"plugin.json names the publisher '{manifestPublisher}' but the package is signed as '{signedPublisher}'.",
        $"plugin.json ghi nhà phát hành '{manifestPublisher}' nhưng gói được ký dưới tên '{signedPublisher}'.");

    public static PackageError FileTampered(string entry, string expected, string actual) => new(
        PackageErrorCode.FileTampered, entry,
        $"The package was modified after signing: file {entry} does not match the signature (signed SHA-256 {expected}, found {actual}).",
        $"Gói bị sửa sau khi ký: tệp {entry} không khớp chữ ký.");

    public static PackageError FileNotListed(string entry) => new(
        PackageErrorCode.FileNotListed, entry,
        $"The package was modified after signing: file {entry} is present but not covered by the signature.",
        $"Gói bị sửa sau khi ký: tệp {entry} có trong gói nhưng không có trong chữ ký.");

    public static PackageError FileMissing(string entry) => new(
        PackageErrorCode.FileMissing, entry,
        $"The package is incomplete: file {entry} is covered by the signature but missing.",
        $"Gói không đầy đủ: tệp {entry} có trong chữ ký nhưng không có trong gói.");

    public static PackageError InstalledFileTampered(string path) => new(
        PackageErrorCode.FileTampered, path,
        $"The installed file {path} was modified: it does not match the signed package.",
        $"Tệp đã cài {path} bị sửa: không khớp với gói đã ký.");

    public static PackageError InstalledFileNotListed(string path) => new(
        PackageErrorCode.FileNotListed, path,
        $"The installed plugin folder holds {path}, which is not in the signed package.",
        $"Thư mục plugin đã cài có tệp {path} không thuộc gói đã ký.");

    public static PackageError InstalledFileMissing(string path) => new(
        PackageErrorCode.FileMissing, path,
        $"The installed file {path} is missing.",
        $"Thiếu tệp đã cài {path}.");

    public static PackageError InstalledSymbolicLink(string path) => new(
        PackageErrorCode.SymbolicLink, path,
        $"The installed plugin folder holds {path}, a symbolic link or reparse point.",
        $"Thư mục plugin đã cài có {path} là liên kết tượng trưng (symlink).");

    public static PackageError ManifestInvalidJson(string detail) => new(
        PackageErrorCode.ManifestInvalidJson, PluginPackageFormat.ManifestEntryName,
        $"plugin.json is not valid JSON: {detail}",
        $"plugin.json không phải JSON hợp lệ: {detail}");

    public static PackageError ManifestInvalid(string field, string reason, string reasonVi) => new(
        PackageErrorCode.ManifestInvalid, PluginPackageFormat.ManifestEntryName,
        $"plugin.json: {field}: {reason}.",
        $"plugin.json: {field}: {reasonVi}.",
        field);

    public static PackageError TrustStoreInvalid(string file, string reason, string reasonVi) => new(
        PackageErrorCode.TrustStoreInvalid, file,
        $"Trusted publisher keys in {file} are refused: {reason}.",
        $"Khóa nhà phát hành tin cậy trong {file} bị từ chối: {reasonVi}.");

    public static PackageError DowngradeRefused(string id, SemanticVersion installed, SemanticVersion candidate) => new(
        PackageErrorCode.DowngradeRefused, null,
        $"{id} {candidate} is older than the installed {installed}; a downgrade must be asked for explicitly.",
        $"{id} phiên bản {candidate} cũ hơn phiên bản đang cài {installed}; chỉ hạ phiên bản khi được yêu cầu rõ ràng.");

    public static PackageError SameVersionDifferentContent(string id, SemanticVersion version) => new(
        PackageErrorCode.SameVersionDifferentContent, null,
        $"{id} {version} is already installed with different content; a changed build needs a new version number.",
        $"{id} phiên bản {version} đã được cài với nội dung khác; bản dựng thay đổi phải có số phiên bản mới.");

    /// <summary>Shows control characters (NUL above all) as <c>\u0000</c> so log lines stay intact and the trick is visible.</summary>
    private static string Printable(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        return string.Concat(text.Select(c => char.IsControl(c)
            ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture)
            : c.ToString()));
    }
}
