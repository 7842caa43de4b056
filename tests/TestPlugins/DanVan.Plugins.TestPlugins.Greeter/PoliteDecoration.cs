namespace DanVan.Plugins.TestPlugins.Greeter;

internal sealed class PoliteDecoration : IGreetingDecoration
{
    public string Decorate(string greeting) => greeting + "!";
}
