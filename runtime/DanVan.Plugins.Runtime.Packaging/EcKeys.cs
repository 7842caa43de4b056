using System.Security.Cryptography;

namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>Key handling shared by signing and verifying: the curve check and the key id.</summary>
internal static class EcKeys
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>True when the key is on NIST P-256, the only curve of format 1.</summary>
    public static bool IsP256(ECDsa key)
    {
        var curve = key.ExportParameters(false).Curve;
        if (!curve.IsNamed)
        {
            return false;
        }

        return curve.Oid.Value == P256Oid
            || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "prime256v1" or "secp256r1";
    }

    /// <summary>
    /// Lower-case hex SHA-256 of the DER SubjectPublicKeyInfo as the BCL exports it (named curve,
    /// uncompressed point), so signer and verifier derive the same id however the PEM was made.
    /// </summary>
    public static string KeyId(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));

    public static bool IsHexSha256(string? value) =>
        value is { Length: 64 } && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
