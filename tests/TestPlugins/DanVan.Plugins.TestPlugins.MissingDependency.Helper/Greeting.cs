namespace DanVan.Plugins.TestPlugins.MissingDependency.Helper;

public static class Greeting
{
    public static string Text => "Xin chào";
}
