using System.Security.Cryptography;

namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>A publisher key the province trusts, pinned by its key id.</summary>
public sealed class TrustedPublisher
{
    private readonly byte[] subjectPublicKeyInfo;

    private TrustedPublisher(string name, string keyId, byte[] subjectPublicKeyInfo)
    {
        Name = name;
        KeyId = keyId;
        this.subjectPublicKeyInfo = subjectPublicKeyInfo;
    }

    /// <summary>The province's label for the publisher (the JSON <c>name</c>, or the file name without <c>.pub.pem</c>).</summary>
    public string Name { get; }

    /// <summary>Lower-case hex SHA-256 of the DER SubjectPublicKeyInfo.</summary>
    public string KeyId { get; }

    /// <summary>The DER SubjectPublicKeyInfo.</summary>
    public ReadOnlyMemory<byte> SubjectPublicKeyInfo => subjectPublicKeyInfo;

    /// <summary>Reads an ECDSA P-256 public key from SubjectPublicKeyInfo PEM (<c>BEGIN PUBLIC KEY</c>).</summary>
    /// <exception cref="ArgumentException">Not a public key PEM, or not on P-256.</exception>
    public static TrustedPublisher FromPublicKeyPem(string pem, string name)
    {
        ArgumentNullException.ThrowIfNull(pem);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        // A private key PEM would import too; refusing it keeps secrets out of trust stores.
        if (!pem.Contains("-----BEGIN PUBLIC KEY-----", StringComparison.Ordinal) || pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            throw new ArgumentException("expected a single public key PEM (BEGIN PUBLIC KEY), found something else", nameof(pem));
        }

        using var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            throw new ArgumentException($"not an EC public key ({ex.Message})", nameof(pem), ex);
        }

        if (!EcKeys.IsP256(key))
        {
            throw new ArgumentException("the key is not on P-256", nameof(pem));
        }

        // Re-export so the stored bytes and the id are canonical whatever encoding the PEM used.
        return new TrustedPublisher(name, EcKeys.KeyId(key), key.ExportSubjectPublicKeyInfo());
    }

    internal bool Verify(byte[] payload, byte[] signature)
    {
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        return key.VerifyData(payload, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
