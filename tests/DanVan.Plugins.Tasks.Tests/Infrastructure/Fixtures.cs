using DanVan.Plugins.Tasks.Extraction;

namespace DanVan.Plugins.Tasks.Tests.Infrastructure;

/// <summary>Reads the seed and test directives copied beside the tests and extracts them.</summary>
internal static class Fixtures
{
    public const string Seed001 = "001_7fce036c04eb0980.txt";
    public const string Seed002 = "002_dfaaf1583f758af9.txt";
    public const string Seed003 = "003_cb284b1fa5ed9bb1.txt";

    public static string Seed(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seeds", name));

    public static string Directive(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Directives", name));

    public static DirectiveDraft Extract(string text) => new DirectiveExtractor().Extract(text);
}
