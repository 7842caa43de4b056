namespace DanVan.Plugins.Runtime.Watching;

/// <summary>Watches files matching a filter in a folder and calls back once they have been quiet for the debounce time.</summary>
internal sealed class DebouncedFileWatch : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly Debouncer _debouncer;

    public DebouncedFileWatch(string directory, string filter, TimeProvider time, TimeSpan quiet, Action onSettled)
    {
        Directory.CreateDirectory(directory);
        _debouncer = new Debouncer(time, quiet, onSettled);
        _watcher = new FileSystemWatcher(directory, filter) { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        _watcher.Created += (_, _) => _debouncer.Poke();
        _watcher.Changed += (_, _) => _debouncer.Poke();
        _watcher.Renamed += (_, _) => _debouncer.Poke();
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Treats the folder as changed now (e.g. for files that were there before the watch began).</summary>
    public void Poke() => _debouncer.Poke();

    public void Stop() => _watcher.EnableRaisingEvents = false;

    public void Dispose()
    {
        _watcher.Dispose();
        _debouncer.Dispose();
    }
}
