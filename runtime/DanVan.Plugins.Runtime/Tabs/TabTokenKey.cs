using System.Security.Cryptography;

namespace DanVan.Plugins.Runtime.Tabs;

/// <summary>
/// The tab-token signing key: from <see cref="PluginRuntimeOptions.TabTokenKey"/> when configured (several
/// instances share it), otherwise generated once and kept, readable only by the runtime's account, in
/// <c>{DataDirectory}/_runtime/tab-token.key</c> (plugin ids never start with '_', so no plugin's folder clashes).
/// </summary>
internal static class TabTokenKey
{
    public const int MinimumBytes = 32;

    public static byte[] Load(PluginRuntimeOptions options)
    {
        if (options.TabTokenKey is { } configured)
        {
            return Decode(configured, "PluginRuntimeOptions.TabTokenKey");
        }

        var directory = Path.Combine(options.DataDirectory, "_runtime");
        var path = Path.Combine(directory, "tab-token.key");
        Directory.CreateDirectory(directory);
        if (!File.Exists(path))
        {
            var key = RandomNumberGenerator.GetBytes(MinimumBytes);
            try
            {
                var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var writer = new StreamWriter(path, file);
                writer.Write(Convert.ToBase64String(key));
                return key;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance on the same folder created it first: use theirs.
            }
        }

        return Decode(File.ReadAllText(path).Trim(), path);
    }

    private static byte[] Decode(string base64, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"The tab token key in {source} is not base64.", ex);
        }

        return key.Length >= MinimumBytes
            ? key
            : throw new InvalidOperationException($"The tab token key in {source} has {key.Length} bytes; at least {MinimumBytes} are needed.");
    }
}
