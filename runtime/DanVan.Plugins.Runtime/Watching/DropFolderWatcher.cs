using DanVan.Plugins.Runtime.Administration;
using DanVan.Plugins.Runtime.Loading;
using DanVan.Plugins.Runtime.Management;
using DanVan.Plugins.Runtime.Packaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Runtime.Watching;

/// <summary>
/// Installs (or upgrades to) every signed package provincial IT copies into the drop folder, once
/// the folder has been quiet for the debounce time (copies arrive in pieces). Each package is then
/// moved to <c>processed/</c> or, when refused, to <c>rejected/</c> with a <c>.reason.txt</c> beside it.
/// A package of a plugin provincial IT disabled (by an admin action, or in province.json) is
/// installed but stays disabled: dropping a file never turns a plugin on that IT turned off.
/// A file that is not yet a readable archive may still be arriving (a copy that paused longer
/// than the debounce): it is looked at again after the next quiet period and refused only if it
/// has not changed in between.
/// </summary>
internal sealed partial class DropFolderWatcher(PluginAdministration admin, ProvinceConfigurationWatcher province, PluginRuntimeOptions options, TimeProvider time, ILogger<DropFolderWatcher> logger) : IHostedService, IDisposable
{
    private const string Actor = "drop-folder";
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Files that were not readable archives at the last look, with their length and write time then.
    private readonly Dictionary<string, (long Length, DateTime Written)> _unreadable = new(StringComparer.Ordinal);
    private DebouncedFileWatch? _watch;

    /// <summary>Raised after each package is handled: its file name and whether it was installed.</summary>
    public event Action<string, bool>? Processed;

    /// <summary>Raised when a file is left for another look because it is not a readable archive yet.</summary>
    public event Action<string>? Deferred;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.DropDirectory is not { } drop)
        {
            return Task.CompletedTask;
        }

        _watch = new DebouncedFileWatch(drop, "*" + PluginPackageFormat.FileExtension, time, options.DropDebounce, () => _ = ProcessAsync());

        // Packages dropped while the runtime was down are handled at start.
        if (Directory.EnumerateFiles(drop, "*" + PluginPackageFormat.FileExtension).Any())
        {
            _watch.Poke();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _watch?.Stop();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watch?.Dispose();
        _gate.Dispose();
    }

    private async Task ProcessAsync()
    {
        await _gate.WaitAsync();
        try
        {
            var drop = options.DropDirectory!;
            foreach (var package in Directory.EnumerateFiles(drop, "*" + PluginPackageFormat.FileExtension).Order(StringComparer.Ordinal).ToList())
            {
                var name = Path.GetFileName(package);
                try
                {
                    var disabled = admin.List().Where(s => s.State is PluginState.Disabled).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
                    await admin.InstallAsync(package, Actor, id => ShouldServeAsync(id, disabled));
                    _unreadable.Remove(name);
                    Move(package, Path.Combine(drop, "processed"), reason: null);
                    Processed?.Invoke(name, true);
                }
                catch (PackageException ex) when (StillArriving(package, name, ex))
                {
                    LogNotSettled(logger, name);
                    Deferred?.Invoke(name);
                    _watch?.Poke();
                }
                catch (Exception ex) when (ex is PackageException or PluginLoadException or PluginSettingsException or IOException)
                {
                    var reason = ex is PackageException package_ ? package_.MessageVi + Environment.NewLine + ex.Message : ex.Message;
                    LogRejected(logger, name, ex.Message);
                    Move(package, Path.Combine(drop, "rejected"), reason);
                    Processed?.Invoke(name, false);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// True when an unreadable archive should be given another quiet period rather than refused:
    /// the first time it is seen unreadable, or when it changed since then.
    /// </summary>
    private bool StillArriving(string package, string name, PackageException ex)
    {
        if (!ex.Errors.All(e => e.Code is PackageErrorCode.NotAZip or PackageErrorCode.CorruptArchive))
        {
            return false;
        }

        var file = new FileInfo(package);
        var stamp = (file.Length, file.LastWriteTimeUtc);
        if (_unreadable.TryGetValue(name, out var seen) && seen == stamp)
        {
            _unreadable.Remove(name);
            return false;
        }

        _unreadable[name] = stamp;
        return true;
    }

    private async Task<bool> ShouldServeAsync(string id, HashSet<string> disabledBefore)
    {
        if (province.Wanted(id) is { } wanted)
        {
            // The province's settings apply before the new version first starts.
            await admin.ApplySettingsAsync(id, wanted.Settings, "province-config");
            return wanted.Enabled;
        }

        return !disabledBefore.Contains(id);
    }

    private static void Move(string package, string folder, string? reason)
    {
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, Path.GetFileName(package));
        File.Move(package, target, overwrite: true);
        if (reason is not null)
        {
            File.WriteAllText(target + ".reason.txt", reason);
        }
    }

    [LoggerMessage(EventId = 34, Level = LogLevel.Information, Message = "Package {Name} in the drop folder is not a readable archive yet; looking again after the next quiet period")]
    private static partial void LogNotSettled(ILogger logger, string name);

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "Package {Name} from the drop folder was refused: {Reason}")]
    private static partial void LogRejected(ILogger logger, string name, string reason);
}
