using System.Security.Cryptography;
using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Runtime.Administration;

/// <summary>
/// The package of an install/upgrade call, as a private temporary file (removed after use): the
/// streamed chunks, or a copy of the file named by package_path inside the packages folder. Everything
/// after it reads only this copy, so the named file cannot change between the checks and the install.
/// </summary>
internal sealed class PackageUpload(long maxBytes) : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private FileStream? _file;

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "danvan-upload-" + Guid.NewGuid().ToString("N") + ".dvp");

    public bool HasData => _file is not null;

    /// <summary>Reads an install/upgrade stream: its options message (kept, the last one wins) and its chunks (written to the file).</summary>
    public async Task<TOptions?> ReceiveAsync<TRequest, TOptions>(IAsyncStreamReader<TRequest> requests, Func<TRequest, TOptions?> options, Func<TRequest, Google.Protobuf.ByteString?> chunk, CancellationToken cancellationToken)
        where TOptions : class
    {
        TOptions? received = null;
        while (await requests.MoveNext(cancellationToken))
        {
            var message = requests.Current;
            received = options(message) ?? received;
            if (chunk(message) is { Length: > 0 } bytes)
            {
                await AppendAsync(bytes.Memory, cancellationToken);
            }
        }

        return received;
    }

    /// <summary>
    /// The package to install: the uploaded bytes, or a private copy of the file package_path names in
    /// <paramref name="packagesDirectory"/>; either way checked against size_bytes and sha256 when given.
    /// Refusals carry a field violation under <paramref name="field"/> (e.g. <c>options.package</c>).
    /// </summary>
    public async Task<string> PackagePathOrAsync(PluginPackageMetadata? metadata, string packagesDirectory, string field, CancellationToken cancellationToken)
    {
        var named = metadata?.PackagePath ?? "";
        if (named.Length > 0)
        {
            if (HasData)
            {
                throw RichStatus.InvalidArgument("Send either package bytes or package_path, not both.", ($"{field}.package_path", "Đã nêu đường dẫn gói thì không được gửi thêm nội dung gói."));
            }

            var source = PackagesFolder.Resolve(packagesDirectory, named, $"{field}.package_path");
            await CopyFromAsync(source, cancellationToken);
        }
        else if (!HasData)
        {
            throw RichStatus.InvalidArgument("Send the package bytes or name a package path.", (field, "Cần gửi nội dung gói hoặc đường dẫn tới gói."));
        }

        // Closed for writing before anything reads it (the verifier, the store's copy).
        var size = _file!.Length;
        await _file.DisposeAsync();
        CheckIntegrity(metadata, size, field);
        return Path;
    }

    public async Task AppendAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        _file ??= new FileStream(Path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        if (_file.Length + chunk.Length > maxBytes)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"The package is larger than {maxBytes} bytes."));
        }

        _hash.AppendData(chunk.Span);
        await _file.WriteAsync(chunk, cancellationToken);
        await _file.FlushAsync(cancellationToken);
    }

    public void Dispose()
    {
        _file?.Dispose();
        _hash.Dispose();
        if (File.Exists(Path))
        {
            File.Delete(Path);
        }
    }

    private async Task CopyFromAsync(string source, CancellationToken cancellationToken)
    {
        await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read);
        var buffer = new byte[81920];
        int read;
        _file ??= new FileStream(Path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await AppendAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private void CheckIntegrity(PluginPackageMetadata? metadata, long size, string field)
    {
        if (metadata is { SizeBytes: > 0 } && metadata.SizeBytes != size)
        {
            throw RichStatus.InvalidArgument(
                $"The package has {size} bytes, not the {metadata.SizeBytes} announced.",
                ($"{field}.size_bytes", $"Gói nhận được có {size} byte, khác với {metadata.SizeBytes} byte đã khai báo; hãy gửi lại."));
        }

        if (metadata is { Sha256.Length: > 0 })
        {
            var expected = metadata.Sha256;
            if (expected.Length != 64 || !expected.All(char.IsAsciiHexDigitLower))
            {
                throw RichStatus.InvalidArgument("sha256 must be 64 lower-case hex digits.", ($"{field}.sha256", "Mã SHA-256 phải gồm 64 chữ số thập lục phân viết thường."));
            }

            var actual = Convert.ToHexStringLower(_hash.GetCurrentHash());
            if (actual != expected)
            {
                throw RichStatus.InvalidArgument(
                    $"The package's SHA-256 is {actual}, not {expected}.",
                    ($"{field}.sha256", "Mã SHA-256 của gói nhận được không khớp với mã đã khai báo: gói bị hỏng hoặc không phải gói dự định cài."));
            }
        }
    }
}
