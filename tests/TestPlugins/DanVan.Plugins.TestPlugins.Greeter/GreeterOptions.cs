namespace DanVan.Plugins.TestPlugins.Greeter;

/// <summary>The plugin's settings as an options class, bound from the province's settings.</summary>
internal sealed class GreeterOptions
{
    public string GreetingWord { get; set; } = "";

    public int MaxNameLength { get; set; }
}
