namespace DanVan.Plugins.TestPlugins.Greeter;

/// <summary>
/// A file in the plugin's data folder where its disposable singletons note that they were disposed:
/// observable by a test after the version unloads, without anything holding the plugin's objects.
/// </summary>
internal sealed class DisposalLog(string path)
{
    public const string FileName = "disposals.txt";

    private static readonly Lock Gate = new();

    public void Write(string line)
    {
        lock (Gate)
        {
            File.AppendAllLines(path, [line]);
        }
    }
}
