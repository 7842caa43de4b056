using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Runtime.Administration;

/// <summary>A package streamed to the admin API, written to a temporary file (removed after use) with a size cap.</summary>
internal sealed class PackageUpload(long maxBytes) : IDisposable
{
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

    /// <summary>The uploaded file, or else the runtime-side path the request names; INVALID_ARGUMENT when there is neither.</summary>
    public string PackagePathOr(DanVan.Plugins.Contracts.Runtime.V1.PluginPackageMetadata? metadata)
    {
        var path = HasData ? Path : metadata?.PackagePath;
        return string.IsNullOrEmpty(path)
            ? throw RichStatus.InvalidArgument("Send the package bytes or name a package path.", ("package", "Cần gửi nội dung gói hoặc đường dẫn tới gói."))
            : path;
    }

    public async Task AppendAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        _file ??= new FileStream(Path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        if (_file.Length + chunk.Length > maxBytes)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"The package is larger than {maxBytes} bytes."));
        }

        await _file.WriteAsync(chunk, cancellationToken);
        await _file.FlushAsync(cancellationToken);
    }

    public void Dispose()
    {
        _file?.Dispose();
        if (File.Exists(Path))
        {
            File.Delete(Path);
        }
    }
}
