using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>
/// The exact bytes the publisher signs. They are built from the fields, not taken from the JSON
/// text, so formatting, key order and escaping in <c>SIGNATURE.json</c> cannot change what is
/// verified. Each value is written as its UTF-8 byte length, ':', the bytes and '\n', which is
/// unambiguous whatever the values contain:
/// <code>
/// "danvan-plugin-package-signature" formatVersion publisher keyId algorithm fileCount
/// then for each file, sorted by ordinal path: path sha256hex
/// </code>
/// </summary>
internal static class SignedPayload
{
    private const string Magic = "danvan-plugin-package-signature";

    public static byte[] Build(int formatVersion, string publisher, string keyId, string algorithm, IEnumerable<KeyValuePair<string, string>> files)
    {
        var sorted = files.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        using var buffer = new MemoryStream();
        Write(buffer, Magic);
        Write(buffer, formatVersion.ToString(CultureInfo.InvariantCulture));
        Write(buffer, publisher);
        Write(buffer, keyId);
        Write(buffer, algorithm);
        WriteFiles(buffer, sorted);
        return buffer.ToArray();
    }

    /// <summary>
    /// A digest of the signed file list alone: equal for two packages exactly when they hold the
    /// same files with the same bytes, whoever signed them and however the zip was laid out.
    /// ECDSA signatures are randomised, so the package file's own hash cannot serve for this.
    /// </summary>
    public static string ContentDigest(IEnumerable<KeyValuePair<string, string>> files)
    {
        var sorted = files.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        using var buffer = new MemoryStream();
        Write(buffer, Magic + "/content");
        WriteFiles(buffer, sorted);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static void WriteFiles(MemoryStream buffer, List<KeyValuePair<string, string>> sorted)
    {
        Write(buffer, sorted.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var (path, hash) in sorted)
        {
            Write(buffer, path);
            Write(buffer, hash);
        }
    }

    private static void Write(MemoryStream buffer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        buffer.Write(Encoding.ASCII.GetBytes(bytes.Length.ToString(CultureInfo.InvariantCulture) + ":"));
        buffer.Write(bytes);
        buffer.WriteByte((byte)'\n');
    }
}
