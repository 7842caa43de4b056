using DanVan.Plugins.Runtime.Packaging;

namespace DanVan.Plugins.Runtime.Store;

/// <summary>The store's own refusals, worded like the package reader's (English and Vietnamese).</summary>
internal static class StoreErrors
{
    public static PackageError PublisherChanged(string id, string installedKeyId, TrustedPublisher candidate) => new(
        PackageErrorCode.PublisherChanged, PluginPackageFormat.SignatureEntryName,
        $"Plugin '{id}' is installed from packages signed with key {installedKeyId}; this package is signed by '{candidate.Name}' with key {candidate.KeyId}. "
            + "Only the publisher of the installed plugin may upgrade it (if the publisher changed its key, uninstall the plugin and install again).",
        $"Plugin '{id}' đã được cài từ gói ký bằng khóa {installedKeyId}; gói này được ký bởi '{candidate.Name}' bằng khóa {candidate.KeyId}. "
            + "Chỉ nhà phát hành của plugin đã cài mới được nâng cấp nó (nếu nhà phát hành đổi khóa, hãy gỡ cài đặt rồi cài lại).");

    public static PackageError StoredPackageReplaced(string id, string version, string found) => new(
        PackageErrorCode.StoredPackageReplaced, null,
        $"The stored package of plugin '{id}' {version} is not the package that was installed ({found}); it is not loaded. Install the plugin's package again.",
        $"Gói đã lưu của plugin '{id}' {version} không còn là gói đã cài ({found}); không nạp gói này. Hãy cài lại gói của plugin.");
}
