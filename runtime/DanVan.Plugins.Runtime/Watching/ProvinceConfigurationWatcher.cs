using System.Text.Json;
using DanVan.Plugins.Runtime.Administration;
using DanVan.Plugins.Runtime.Loading;
using DanVan.Plugins.Runtime.Packaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Runtime.Watching;

/// <summary>
/// Applies province.json at start and whenever it changes (debounced): enables, disables and sets
/// the settings of the plugins it names. A file written for another province, or unreadable, is
/// refused whole and the previous configuration stays; an invalid setting is refused with a log
/// entry and changes nothing for that plugin; the rest of the file still applies.
/// </summary>
internal sealed partial class ProvinceConfigurationWatcher(PluginAdministration admin, PluginRuntimeOptions options, TimeProvider time, ILogger<ProvinceConfigurationWatcher> logger) : IHostedService, IDisposable
{
    private const string Actor = "province-config";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DebouncedFileWatch? _watch;
    private volatile ProvinceConfiguration? _current;
    private bool _appliedBeforeRestore;

    /// <summary>Raised after each application of the file, with the problems found (empty when all applied).</summary>
    public event Action<IReadOnlyList<string>>? Applied;

    /// <summary>What the last accepted province.json wants of a plugin, or null when it does not name it (or there is none).</summary>
    public ProvincePluginConfiguration? Wanted(string id) => _current?.Plugins.GetValueOrDefault(id);

    /// <summary>
    /// At start-up, before the plugins that served last are restored: records what the file wants of
    /// each installed plugin without loading anything, so a plugin it disables never starts.
    /// </summary>
    public async Task ApplyBeforeRestoreAsync()
    {
        if (options.ProvinceConfigurationPath is not { } path || !File.Exists(path))
        {
            return;
        }

        await _gate.WaitAsync();
        var problems = new List<string>();
        try
        {
            _appliedBeforeRestore = true;
            if (Read(problems) is not { } configuration)
            {
                return;
            }

            foreach (var (id, wanted) in configuration.Plugins)
            {
                try
                {
                    admin.ApplyBeforeRestore(id, wanted.Settings, wanted.Enabled, Actor);
                }
                catch (KeyNotFoundException)
                {
                    problems.Add($"Plugin '{id}' chưa được cài đặt.");
                }
                catch (Exception ex) when (ex is PluginSettingsException or PackageException)
                {
                    problems.Add($"Plugin '{id}': {ex.Message}");
                }
            }
        }
        finally
        {
            Finish(problems);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.ProvinceConfigurationPath is not { } path)
        {
            return;
        }

        _watch = new DebouncedFileWatch(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileName(path), time, options.DropDebounce, () => _ = ApplyAsync());

        // Applied already before the restore: applying again would only retry plugins that failed to start.
        if (File.Exists(path) && !_appliedBeforeRestore)
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
            if (Read(problems) is not { } configuration)
            {
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
            Finish(problems);
        }
    }

    // The file, when it can be read and is for this runtime's province; it becomes the current configuration.
    private ProvinceConfiguration? Read(List<string> problems)
    {
        ProvinceConfiguration configuration;
        try
        {
            configuration = ProvinceConfiguration.Load(options.ProvinceConfigurationPath!);
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            problems.Add($"Tệp cấu hình tỉnh không đọc được: {ex.Message}");
            return null;
        }

        if (configuration.ProvinceId is { } provinceId && !string.Equals(provinceId, options.ProvinceId, StringComparison.Ordinal))
        {
            problems.Add(
                $"Tệp cấu hình tỉnh dành cho tỉnh '{provinceId}', nhưng runtime này phục vụ tỉnh '{options.ProvinceId}'; tệp không được áp dụng, cấu hình trước đó được giữ nguyên. / "
                + $"The province file is for province '{provinceId}' but this runtime serves '{options.ProvinceId}'; it was not applied and the previous configuration stays.");
            return null;
        }

        _current = configuration;
        return configuration;
    }

    private void Finish(List<string> problems)
    {
        foreach (var problem in problems)
        {
            LogProblem(logger, problem);
        }

        _gate.Release();
        Applied?.Invoke(problems);
    }

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "province.json: {Problem}")]
    private static partial void LogProblem(ILogger logger, string problem);
}
