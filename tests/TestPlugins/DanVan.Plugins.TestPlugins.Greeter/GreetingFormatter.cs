namespace DanVan.Plugins.TestPlugins.Greeter;

internal sealed class GreetingFormatter(string version, string greetingWord)
{
    public string Version { get; } = version;

    public string Format(string name) => $"{greetingWord} {name} từ {Version}";
}
