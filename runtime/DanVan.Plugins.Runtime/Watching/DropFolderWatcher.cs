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
/// </summary>
internal sealed partial class DropFolderWatcher(PluginAdministration admin, ProvinceConfigurationWatcher province, PluginRuntimeOptions options, TimeProvider time, ILogger<DropFolderWatcher> logger) : IHostedService, IDisposable
{
    private const string Actor = "drop-folder";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DebouncedFileWatch? _watch;

    /// <summary>Raised after each package is handled: its file name and whether it was installed.</summary>
    public event Action<string, bool>? Processed;

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
                    Move(package, Path.Combine(drop, "processed"), reason: null);
                    Processed?.Invoke(name, true);
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

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "Package {Name} from the drop folder was refused: {Reason}")]
    private static partial void LogRejected(ILogger logger, string name, string reason);
}
