namespace DanVan.Plugins.Contracts.Tests;

public class BufLintTests
{
    [Fact]
    public async Task Lint_CurrentProtos_ExitsZeroWithNoFindings()
    {
        var result = await Buf.RunAsync("lint", "protos");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(string.IsNullOrWhiteSpace(result.StandardOutput), result.ToString());
    }
}
