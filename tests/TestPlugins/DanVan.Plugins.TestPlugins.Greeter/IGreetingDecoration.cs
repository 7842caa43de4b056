namespace DanVan.Plugins.TestPlugins.Greeter;

/// <summary>Adds to a greeting; implementations are found by Scrutor scanning.</summary>
internal interface IGreetingDecoration
{
    string Decorate(string greeting);
}
