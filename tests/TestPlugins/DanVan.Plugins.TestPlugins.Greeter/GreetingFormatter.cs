namespace DanVan.Plugins.TestPlugins.Greeter;

internal sealed class GreetingFormatter(string version)
{
    public string Version { get; } = version;

    public string Format(string name) => $"Xin chào {name} từ {Version}";
}
