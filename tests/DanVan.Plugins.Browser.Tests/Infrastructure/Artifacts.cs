namespace DanVan.Plugins.Browser.Tests.Infrastructure;

/// <summary>Where screenshots go: TestResults/screenshots beside the test assembly (kept as test artifacts).</summary>
internal static class Artifacts
{
    public static string Screenshot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}
