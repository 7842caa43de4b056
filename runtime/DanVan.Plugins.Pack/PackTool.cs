using System.Security.Cryptography;
using DanVan.Plugins.Runtime.Packaging;

namespace DanVan.Plugins.Pack;

/// <summary>
/// <c>keygen --out &lt;prefix&gt;</c>, <c>pack --manifest &lt;plugin.json&gt; --input &lt;dir&gt; --key &lt;pem&gt; --output &lt;file.dvp&gt; [--publisher &lt;name&gt;]</c>,
/// <c>verify --package &lt;file&gt; --trust &lt;dir or json&gt;</c>.
/// Exit codes: 0 done, 1 refused (package, manifest or trust store), 2 wrong usage or unreadable input.
/// </summary>
public static class PackTool
{
    /// <summary>Done.</summary>
    public const int ExitOk = 0;

    /// <summary>The package, manifest or trust store was refused; the reasons are on the error writer.</summary>
    public const int ExitRefused = 1;

    /// <summary>Wrong usage, or a file could not be read or written.</summary>
    public const int ExitUsage = 2;

    private const string Usage = """
        Usage:
          keygen --out <prefix>                 writes <prefix>.key.pem (private, PKCS#8) and <prefix>.pub.pem (public, SPKI)
          pack --manifest <plugin.json> --input <dir> --key <private.pem> --output <file.dvp> [--publisher <name>]
          verify --package <file.dvp> --trust <folder of *.pub.pem | trust.json>
        """;

    /// <summary>Runs one command; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Count == 0 || args[0] is "help" or "--help" or "-h")
        {
            (args.Count == 0 ? error : output).WriteLine(Usage);
            return args.Count == 0 ? ExitUsage : ExitOk;
        }

        if (!TryParseOptions(args, out var options, out var problem))
        {
            return Fail(error, problem);
        }

        try
        {
            return args[0] switch
            {
                "keygen" => KeyGen(options, output, error),
                "pack" => Pack(options, output, error),
                "verify" => Verify(options, output, error),
                _ => Fail(error, $"Unknown command '{args[0]}'."),
            };
        }
        catch (PackageException ex)
        {
            WriteErrors(error, ex.Subject, ex.Errors);
            return ExitRefused;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
        {
            error.WriteLine($"error: {ex.Message}");
            return ExitUsage;
        }
    }

    private static int KeyGen(Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        if (!Require(options, error, "out"))
        {
            return ExitUsage;
        }

        var privatePath = options["out"] + ".key.pem";
        var publicPath = options["out"] + ".pub.pem";
        if (File.Exists(privatePath) || File.Exists(publicPath))
        {
            // Overwriting a publisher key would orphan every package signed with it.
            return Fail(error, $"{privatePath} or {publicPath} already exists; not overwriting a key.");
        }

        using var key = PackageSigningKey.Generate();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(privatePath))!);
        var createOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            createOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(privatePath, createOptions))
        {
            writer.Write(key.ExportPrivateKeyPem());
            writer.Write('\n');
        }

        File.WriteAllText(publicPath, key.ExportPublicKeyPem() + "\n");
        output.WriteLine($"Private key: {privatePath} (keep it secret)");
        output.WriteLine($"Public key:  {publicPath} (give it to provinces for their trust store)");
        output.WriteLine($"Key id:      {key.KeyId}");
        return ExitOk;
    }

    private static int Pack(Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        if (!Require(options, error, "manifest", "input", "key", "output"))
        {
            return ExitUsage;
        }

        var manifestPath = options["manifest"];
        if (!PluginManifestJson.TryParse(File.ReadAllBytes(manifestPath), null, out var manifest, out var manifestErrors))
        {
            WriteErrors(error, manifestPath, manifestErrors);
            return ExitRefused;
        }

        using var key = PackageSigningKey.FromPemFile(options["key"]);
        var writer = new PluginPackageWriter(key) { Publisher = options.GetValueOrDefault("publisher") };
        var package = writer.WriteFile(manifest, options["input"], options["output"]);
        output.WriteLine($"Packed {package.Manifest.Id} {package.Manifest.Version} ({package.Files.Count} files) into {package.PackagePath}");
        output.WriteLine($"Signed as '{package.SignedPublisherName}' with key {key.KeyId}");
        return ExitOk;
    }

    private static int Verify(Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        if (!Require(options, error, "package", "trust"))
        {
            return ExitUsage;
        }

        var trust = TrustStore.Load(options["trust"]);
        var result = new PluginPackageReader(trust).Verify(options["package"]);
        if (!result.Succeeded)
        {
            WriteErrors(error, result.PackagePath, result.Errors);
            return ExitRefused;
        }

        var package = result.Package;
        output.WriteLine($"OK {package.Manifest.Id} {package.Manifest.Version}: signed by '{package.SignedPublisherName}', trusted as '{package.Publisher.Name}' (key {package.Publisher.KeyId})");
        output.WriteLine($"Content digest {package.ContentDigest}, {package.Files.Count} files");
        return ExitOk;
    }

    private static bool TryParseOptions(IReadOnlyList<string> args, out Dictionary<string, string> options, out string problem)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = string.Empty;
        for (var i = 1; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                problem = $"Expected '--option value' at '{args[i]}'.";
                return false;
            }

            if (!options.TryAdd(args[i][2..], args[i + 1]))
            {
                problem = $"'{args[i]}' is given twice.";
                return false;
            }
        }

        return true;
    }

    private static bool Require(Dictionary<string, string> options, TextWriter error, params string[] names)
    {
        var missing = names.Where(n => !options.ContainsKey(n)).Select(n => "--" + n).ToList();
        if (missing.Count > 0)
        {
            Fail(error, $"Missing {string.Join(", ", missing)}.");
            return false;
        }

        return true;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        error.WriteLine(Usage);
        return ExitUsage;
    }

    private static void WriteErrors(TextWriter error, string? subject, IReadOnlyList<PackageError> errors)
    {
        error.WriteLine($"REFUSED {subject}");
        foreach (var e in errors)
        {
            error.WriteLine($"  [{e.Code}] {e.Message}");
            error.WriteLine($"      {e.MessageVi}");
        }
    }
}
