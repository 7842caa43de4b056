using System.Text.Json;

namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>
/// Reads SIGNATURE.json and checks its shape. It runs before the signature is verified, so it
/// treats the document as hostile: every field is checked, and paths get the same rules as entry names.
/// </summary>
internal static class SignatureParser
{
    private const int SignatureLength = 64;

    /// <summary>Parses; on failure returns false with every problem found added to <paramref name="errors"/>.</summary>
    public static bool TryParse(byte[] json, PackageLimits limits, out SignatureDocument document, out byte[] signature, List<PackageError> errors)
    {
        document = new SignatureDocument();
        signature = [];
        SignatureDocument? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<SignatureDocument>(json, PackageJson.Signature);
        }
        catch (JsonException ex)
        {
            errors.Add(PackageErrors.SignatureMalformed($"it is not valid JSON ({ex.Message})", "không phải JSON hợp lệ"));
            return false;
        }

        if (parsed is null)
        {
            errors.Add(PackageErrors.SignatureMalformed("it is 'null', not an object", "nội dung là 'null', không phải đối tượng"));
            return false;
        }

        var before = errors.Count;
        CheckFormat(parsed, errors);

        if (string.IsNullOrWhiteSpace(parsed.Publisher) || parsed.Publisher.Any(char.IsControl))
        {
            errors.Add(PackageErrors.SignatureMalformed("'publisher' is missing or not a plain name", "thiếu 'publisher' hoặc tên không hợp lệ"));
        }

        if (!EcKeys.IsHexSha256(parsed.KeyId))
        {
            errors.Add(PackageErrors.SignatureMalformed("'keyId' must be 64 lower-case hex digits", "'keyId' phải gồm 64 chữ số hex viết thường"));
        }

        CheckFiles(parsed.Files, limits, errors);

        try
        {
            signature = parsed.Signature is null ? [] : Convert.FromBase64String(parsed.Signature);
        }
        catch (FormatException)
        {
            signature = [];
        }

        if (signature.Length != SignatureLength)
        {
            errors.Add(PackageErrors.SignatureMalformed(
                $"'signature' must be base64 of a {SignatureLength}-byte IEEE P1363 ECDSA signature",
                $"'signature' phải là chuỗi base64 của chữ ký ECDSA {SignatureLength} byte"));
        }

        document = parsed;
        return errors.Count == before;
    }

    private static void CheckFormat(SignatureDocument parsed, List<PackageError> errors)
    {
        if (parsed.FormatVersion is null)
        {
            errors.Add(PackageErrors.SignatureMalformed("'formatVersion' is missing", "thiếu 'formatVersion'"));
        }
        else if (parsed.FormatVersion != PluginPackageFormat.FormatVersion)
        {
            errors.Add(PackageErrors.UnsupportedSignatureFormat("formatVersion", parsed.FormatVersion.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "1"));
        }

        if (parsed.Algorithm is null)
        {
            errors.Add(PackageErrors.SignatureMalformed("'algorithm' is missing", "thiếu 'algorithm'"));
        }
        else if (parsed.Algorithm != PluginPackageFormat.Algorithm)
        {
            errors.Add(PackageErrors.UnsupportedSignatureFormat("algorithm", parsed.Algorithm, PluginPackageFormat.Algorithm));
        }
    }

    private static void CheckFiles(IDictionary<string, string>? files, PackageLimits limits, List<PackageError> errors)
    {
        if (files is null || files.Count == 0)
        {
            errors.Add(PackageErrors.SignatureMalformed("'files' is missing or empty", "thiếu 'files' hoặc danh sách rỗng"));
            return;
        }

        if (files.Count > limits.MaxEntries)
        {
            errors.Add(PackageErrors.SignatureMalformed($"'files' lists more than {limits.MaxEntries} files", $"'files' liệt kê quá {limits.MaxEntries} tệp"));
            return;
        }

        if (!files.ContainsKey(PluginPackageFormat.ManifestEntryName))
        {
            errors.Add(PackageErrors.SignatureMalformed("'files' does not cover plugin.json", "'files' không có plugin.json"));
        }

        foreach (var (path, hash) in files)
        {
            if (EntryNameRules.Check(path) is not null || !PluginPackageFormat.IsContentPath(path))
            {
                errors.Add(PackageErrors.SignatureMalformed(
                    $"'files' lists '{path}', which is not plugin.json or a safe path under lib/",
                    $"'files' có '{path}' không phải plugin.json hoặc đường dẫn an toàn trong lib/"));
            }
            else if (!EcKeys.IsHexSha256(hash))
            {
                errors.Add(PackageErrors.SignatureMalformed(
                    $"the hash of '{path}' must be 64 lower-case hex digits",
                    $"mã băm của '{path}' phải gồm 64 chữ số hex viết thường"));
            }
        }
    }
}
