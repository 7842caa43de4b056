namespace DanVan.Plugins.Contracts.Tests;

public class BufBreakingTests
{
    [Fact]
    public async Task Breaking_CurrentProtosAgainstReleasedImage_ExitsZero()
    {
        Assert.True(File.Exists(RepoRoot.ReleasedImage), $"Missing released image {RepoRoot.ReleasedImage}.");

        var result = await Buf.RunAsync("breaking", "protos", "--against", RepoRoot.ReleasedImage);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task ReleasedImage_Files_ContainEveryDanvanV1Package()
    {
        var result = await Buf.RunAsync("ls-files", RepoRoot.ReleasedImage);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("danvan/host/v1/", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("danvan/runtime/v1/", result.StandardOutput, StringComparison.Ordinal);
    }
}
