using System.Text.Json;

namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>
/// The province's trusted publisher keys. A package is accepted only when signed by one of
/// them; keys are pinned by id, so no certificate chain or network is involved (works air-gapped).
/// </summary>
public sealed class TrustStore
{
    /// <summary>The file name suffix of a public key in a trust store folder.</summary>
    public const string PublicKeyFileSuffix = ".pub.pem";

    private readonly Dictionary<string, TrustedPublisher> byKeyId;

    private TrustStore(IEnumerable<TrustedPublisher> publishers)
    {
        byKeyId = new Dictionary<string, TrustedPublisher>(StringComparer.Ordinal);
        foreach (var publisher in publishers)
        {
            // The same key listed twice is harmless; the first label wins.
            byKeyId.TryAdd(publisher.KeyId, publisher);
        }
    }

    /// <summary>A store trusting nobody: every package is refused as untrusted.</summary>
    public static TrustStore Empty { get; } = new([]);

    /// <summary>The trusted publishers, by key id.</summary>
    public IReadOnlyCollection<TrustedPublisher> Publishers => byKeyId.Values;

    /// <summary>Creates a store from publishers already loaded.</summary>
    public static TrustStore FromPublishers(IEnumerable<TrustedPublisher> publishers)
    {
        ArgumentNullException.ThrowIfNull(publishers);
        return new TrustStore(publishers);
    }

    /// <summary>Loads a folder of <c>*.pub.pem</c> files or a trust store JSON file, whichever <paramref name="path"/> is.</summary>
    /// <exception cref="PackageException">Code <see cref="PackageErrorCode.TrustStoreInvalid"/>, naming each bad file.</exception>
    public static TrustStore Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            return LoadFromDirectory(path);
        }

        if (File.Exists(path))
        {
            return LoadFromJsonFile(path);
        }

        throw Invalid(path, "no such folder or file", "không có thư mục hoặc tệp này");
    }

    /// <summary>
    /// Loads every <c>*.pub.pem</c> (SubjectPublicKeyInfo PEM) directly in <paramref name="directory"/>;
    /// each publisher is named after its file. Every bad file is reported, not just the first.
    /// </summary>
    /// <exception cref="PackageException">Code <see cref="PackageErrorCode.TrustStoreInvalid"/>.</exception>
    public static TrustStore LoadFromDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            throw Invalid(directory, "the folder does not exist", "thư mục không tồn tại");
        }

        var publishers = new List<TrustedPublisher>();
        var errors = new List<PackageError>();
        var files = Directory.GetFiles(directory, "*" + PublicKeyFileSuffix).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file)[..^PublicKeyFileSuffix.Length];
            try
            {
                publishers.Add(TrustedPublisher.FromPublicKeyPem(File.ReadAllText(file), name.Length == 0 ? file : name));
            }
            catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException)
            {
                errors.Add(PackageErrors.TrustStoreInvalid(file, Reason(ex), "không phải khóa công khai ECDSA P-256 dạng PEM hợp lệ"));
            }
        }

        if (errors.Count > 0)
        {
            throw new PackageException(directory, errors);
        }

        return new TrustStore(publishers);
    }

    /// <summary>
    /// Loads a JSON file <c>{ "publishers": [ { "name": "…", "publicKeyPem": "-----BEGIN PUBLIC KEY-----…", "keyId": "optional hex" } ] }</c>.
    /// </summary>
    /// <exception cref="PackageException">Code <see cref="PackageErrorCode.TrustStoreInvalid"/>.</exception>
    public static TrustStore LoadFromJsonFile(string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        TrustStoreDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<TrustStoreDocument>(File.ReadAllBytes(file), PackageJson.TrustStore);
        }
        catch (JsonException ex)
        {
            throw Invalid(file, $"not valid trust store JSON ({ex.Message})", "không phải JSON danh sách khóa tin cậy hợp lệ");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Invalid(file, ex.Message, "không đọc được tệp");
        }

        if (document?.Publishers is null)
        {
            throw Invalid(file, "it has no 'publishers' array", "thiếu mảng 'publishers'");
        }

        var publishers = new List<TrustedPublisher>();
        var errors = new List<PackageError>();
        for (var i = 0; i < document.Publishers.Count; i++)
        {
            var entry = document.Publishers[i];
            var where = $"{file} publishers[{i}]";
            if (entry?.Name is not { } name || string.IsNullOrWhiteSpace(name) || entry.PublicKeyPem is not { } pem)
            {
                errors.Add(PackageErrors.TrustStoreInvalid(where, "'name' and 'publicKeyPem' are required", "bắt buộc có 'name' và 'publicKeyPem'"));
                continue;
            }

            try
            {
                var publisher = TrustedPublisher.FromPublicKeyPem(pem, name);
                if (entry.KeyId is { } expected && !string.Equals(expected, publisher.KeyId, StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add(PackageErrors.TrustStoreInvalid(where,
                        $"'keyId' {expected} does not match the key, whose id is {publisher.KeyId}",
                        $"'keyId' {expected} không khớp với khóa (mã đúng là {publisher.KeyId})"));
                    continue;
                }

                publishers.Add(publisher);
            }
            catch (ArgumentException ex)
            {
                errors.Add(PackageErrors.TrustStoreInvalid(where, Reason(ex), "không phải khóa công khai ECDSA P-256 dạng PEM hợp lệ"));
            }
        }

        if (errors.Count > 0)
        {
            throw new PackageException(file, errors);
        }

        return new TrustStore(publishers);
    }

    /// <summary>Finds the trusted publisher with this key id.</summary>
    public bool TryGetPublisher(string keyId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TrustedPublisher? publisher) =>
        byKeyId.TryGetValue(keyId, out publisher);

    private static PackageException Invalid(string file, string reason, string reasonVi) =>
        new(file, [PackageErrors.TrustStoreInvalid(file, reason, reasonVi)]);

    private static string Reason(Exception ex) => ex is ArgumentException { ParamName: not null } arg
        ? arg.Message.Replace($" (Parameter '{arg.ParamName}')", string.Empty, StringComparison.Ordinal)
        : ex.Message;
}
