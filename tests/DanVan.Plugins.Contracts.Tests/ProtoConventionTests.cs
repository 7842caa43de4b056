using System.Text.RegularExpressions;

namespace DanVan.Plugins.Contracts.Tests;

public partial class ProtoConventionTests
{
    private const string NamespacePrefix = "DanVan.Plugins.Contracts.";

    public static TheoryData<string> DanvanProtoFiles() => new(RelativeProtoPaths());

    private static List<string> RelativeProtoPaths() =>
        Directory.EnumerateFiles(Path.Combine(RepoRoot.Protos, "danvan"), "*.proto", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(RepoRoot.Protos, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void DanvanFolder_ProtoFiles_HostAndRuntimeV1Present()
    {
        var files = RelativeProtoPaths();

        Assert.Contains(files, f => f.StartsWith("danvan/host/v1/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("danvan/runtime/v1/", StringComparison.Ordinal));
    }

    [Fact]
    public void DanvanFolder_PluginApis_TasksV1PresentAndLinted()
    {
        // Plugin APIs live beside the host and runtime contracts, so buf lint and breaking cover them too.
        var files = RelativeProtoPaths();

        Assert.Contains("danvan/tasks/v1/tasks_service.proto", files);
    }

    [Theory]
    [MemberData(nameof(DanvanProtoFiles))]
    public void CsharpNamespace_DanvanProto_StartsWithContractsPrefix(string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot.Protos, relativePath));

        var match = CsharpNamespaceOption().Match(text);

        Assert.True(match.Success, $"{relativePath} has no option csharp_namespace.");
        Assert.StartsWith(NamespacePrefix, match.Groups["ns"].Value, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DanvanProtoFiles))]
    public void Package_DanvanProto_IsVersionedAndMatchesFolder(string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot.Protos, relativePath));

        var match = PackageStatement().Match(text);

        Assert.True(match.Success, $"{relativePath} has no package statement.");
        var package = match.Groups["pkg"].Value;
        Assert.Matches(VersionedDanvanPackage(), package);
        Assert.Equal(package.Replace('.', '/'), Path.GetDirectoryName(relativePath)!.Replace('\\', '/'));
    }

    [GeneratedRegex("""^option\s+csharp_namespace\s*=\s*"(?<ns>[^"]*)"\s*;""", RegexOptions.Multiline)]
    private static partial Regex CsharpNamespaceOption();

    [GeneratedRegex(@"^package\s+(?<pkg>[A-Za-z0-9_.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex PackageStatement();

    [GeneratedRegex(@"^danvan\.[a-z][a-z0-9_]*\.v[1-9][0-9]*$")]
    private static partial Regex VersionedDanvanPackage();
}
