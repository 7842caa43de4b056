using System.Security.Cryptography;

namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>A publisher's private ECDSA P-256 key, used to sign packages.</summary>
public sealed class PackageSigningKey : IDisposable
{
    private readonly ECDsa key;

    private PackageSigningKey(ECDsa key)
    {
        if (!EcKeys.IsP256(key))
        {
            key.Dispose();
            throw new ArgumentException($"The signing key must be ECDSA on P-256 ({PluginPackageFormat.Algorithm}).");
        }

        this.key = key;
        KeyId = EcKeys.KeyId(key);
    }

    /// <summary>Lower-case hex SHA-256 of the public key's SubjectPublicKeyInfo; what <c>SIGNATURE.json</c> and trust stores name the key by.</summary>
    public string KeyId { get; }

    /// <summary>Creates a new random key pair.</summary>
    public static PackageSigningKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Reads a private key from PEM: PKCS#8 (<c>PRIVATE KEY</c>) or SEC1 (<c>EC PRIVATE KEY</c>), unencrypted.</summary>
    /// <exception cref="ArgumentException">The PEM holds no private key or a key not on P-256.</exception>
    public static PackageSigningKey FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);

        // ImportFromPem also accepts a public key, which would only fail later at signing time.
        if (!pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal) || pem.Contains("ENCRYPTED PRIVATE KEY", StringComparison.Ordinal))
        {
            throw new ArgumentException("The PEM must hold an unencrypted private key (BEGIN PRIVATE KEY).", nameof(pem));
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new ArgumentException($"The PEM does not hold a usable EC private key: {ex.Message}", nameof(pem), ex);
        }

        return new PackageSigningKey(key);
    }

    /// <summary>Reads a private key from a PEM file (see <see cref="FromPem"/>).</summary>
    public static PackageSigningKey FromPemFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return FromPem(File.ReadAllText(path));
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{path}: {ex.Message}", nameof(path), ex);
        }
    }

    /// <summary>The private key as PKCS#8 PEM; keep it secret.</summary>
    public string ExportPrivateKeyPem() => key.ExportPkcs8PrivateKeyPem();

    /// <summary>The public key as SubjectPublicKeyInfo PEM (<c>BEGIN PUBLIC KEY</c>), the form a trust store folder holds.</summary>
    public string ExportPublicKeyPem() => key.ExportSubjectPublicKeyInfoPem();

    /// <summary>The public half as a trusted publisher, e.g. for a test or a development trust store.</summary>
    public TrustedPublisher ToTrustedPublisher(string name) => TrustedPublisher.FromPublicKeyPem(ExportPublicKeyPem(), name);

    /// <inheritdoc />
    public void Dispose() => key.Dispose();

    internal bool Verify(byte[] payload, byte[] signature) =>
        key.VerifyData(payload, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    internal byte[] Sign(byte[] payload) =>
        key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
}
