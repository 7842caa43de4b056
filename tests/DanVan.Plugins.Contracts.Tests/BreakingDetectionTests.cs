namespace DanVan.Plugins.Contracts.Tests;

/// <summary>Proves the breaking-change check is not vacuous: real breaks in a copy of protos/ fail it.</summary>
public class BreakingDetectionTests
{
    [Fact]
    public async Task Breaking_FieldRemovedInCopy_FailsAndNamesField()
    {
        using var copy = TempProtoCopy.Create();
        copy.ReplaceOnce("danvan/host/v1/documents.proto", "  string number = 8;\n", string.Empty);

        var result = await Buf.RunAsync("breaking", copy.Path, "--against", RepoRoot.ReleasedImage);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("\"number\"", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"Document\"", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Breaking_RpcRenamedInCopy_FailsAndNamesRpc()
    {
        using var copy = TempProtoCopy.Create();
        copy.ReplaceOnce("danvan/runtime/v1/plugin_admin_service.proto", "rpc GetPlugin(", "rpc FetchPlugin(");

        var result = await Buf.RunAsync("breaking", copy.Path, "--against", RepoRoot.ReleasedImage);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("\"GetPlugin\"", result.StandardOutput, StringComparison.Ordinal);
    }
}
