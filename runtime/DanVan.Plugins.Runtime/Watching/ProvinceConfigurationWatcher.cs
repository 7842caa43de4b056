using System.Text.Json;
using DanVan.Plugins.Runtime.Administration;
using DanVan.Plugins.Runtime.Loading;
using DanVan.Plugins.Runtime.Packaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Runtime.Watching;

/// <summary>
/// Applies province.json at start and whenever it changes (debounced): enables, disables and sets
/// the settings of the plugins it names. An invalid file or setting is refused with a log entry and
/// changes nothing; the rest of the file still applies.
/// </summary>
internal sealed partial class ProvinceConfigurationWatcher(PluginAdministration admin, PluginRuntimeOptions options, TimeProvider time, ILogger<ProvinceConfigurationWatcher> logger) : IHostedService, IDisposable
{
    private const string Actor = "province-config";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DebouncedFileWatch? _watch;

    /// <summary>Raised after each application of the file, with the problems found (empty when all applied).</summary>
    public event Action<IReadOnlyList<string>>? Applied;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.ProvinceConfigurationPath is not { } path)
        {
            return;
        }

        _watch = new DebouncedFileWatch(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileName(path), time, options.DropDebounce, () => _ = ApplyAsync());
        if (File.Exists(path))
        {
            await ApplyAsync();
        }
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

    private async Task ApplyAsync()
    {
        await _gate.WaitAsync();
        var problems = new List<string>();
        try
        {
            ProvinceConfiguration configuration;
            try
            {
                configuration = ProvinceConfiguration.Load(options.ProvinceConfigurationPath!);
            }
            catch (Exception ex) when (ex is JsonException or IOException)
            {
                problems.Add($"Tệp cấu hình tỉnh không đọc được: {ex.Message}");
                return;
            }

            var current = admin.List().ToDictionary(p => p.Id, StringComparer.Ordinal);
            foreach (var (id, wanted) in configuration.Plugins)
            {
                if (!current.TryGetValue(id, out var status))
                {
                    problems.Add($"Plugin '{id}' chưa được cài đặt.");
                    continue;
                }

                try
                {
                    await admin.ApplySettingsAsync(id, wanted.Settings, Actor);
                    var running = status.State is Management.PluginState.Enabled;
                    if (wanted.Enabled && !running)
                    {
                        await admin.EnableAsync(id, Actor);
                    }
                    else if (!wanted.Enabled && running)
                    {
                        await admin.DisableAsync(id, Actor);
                    }
                }
                catch (Exception ex) when (ex is PluginSettingsException or PluginLoadException or PackageException or KeyNotFoundException)
                {
                    problems.Add($"Plugin '{id}': {ex.Message}");
                }
            }
        }
        finally
        {
            foreach (var problem in problems)
            {
                LogProblem(logger, problem);
            }

            _gate.Release();
            Applied?.Invoke(problems);
        }
    }

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "province.json: {Problem}")]
    private static partial void LogProblem(ILogger logger, string problem);
}
