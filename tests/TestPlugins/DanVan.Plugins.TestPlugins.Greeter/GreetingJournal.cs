namespace DanVan.Plugins.TestPlugins.Greeter;

/// <summary>Remembers the last name greeted; a (synchronously) disposable singleton that writes it when its version is disposed.</summary>
internal sealed class GreetingJournal(DisposalLog log, GreetingFormatter formatter) : IDisposable
{
    private string _last = "";

    public void Note(string name) => Volatile.Write(ref _last, name);

    public void Dispose() => log.Write($"IDisposable {formatter.Version} {Volatile.Read(ref _last)}");
}
