using DanVan.Plugins.Grpc.Health;
using DanVan.Plugins.Grpc.Hosting;
using DanVan.Plugins.Runtime.Loading;
using DanVan.Plugins.Runtime.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace DanVan.Plugins.Runtime.Management;

/// <summary>
/// Starts, switches and stops plugin versions while the server runs. A new version starts beside
/// the old one; its routes take over in one swap; the old one drains its calls, is disposed,
/// unloaded and checked for collection in the background. Admin operations run one at a time.
/// </summary>
public sealed partial class PluginManager : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, PluginSlot> _slots = new(StringComparer.Ordinal);
    private readonly List<Task> _unloads = [];
    private readonly PluginLoader _loader;
    private readonly GrpcServiceRegistry _registry;
    private readonly HealthServiceImpl? _health;
    private readonly PluginRuntimeOptions _options;
    private readonly ILogger<PluginManager> _logger;
    private volatile bool _disposing;

    internal PluginManager(PluginLoader loader, GrpcServiceRegistry registry, HealthServiceImpl? health, PluginRuntimeOptions options, ILogger<PluginManager> logger)
    {
        _loader = loader;
        _registry = registry;
        _health = health;
        _options = options;
        _logger = logger;
    }

    /// <summary>Every plugin the runtime knows, in id order.</summary>
    public IReadOnlyList<PluginStatus> List()
    {
        lock (_slots)
        {
            return _slots.Values.OrderBy(s => s.Id, StringComparer.Ordinal).Select(ToStatus).ToList();
        }
    }

    /// <summary>Raised with the plugin's id once a version of it serves (the job scheduler looks at its waiting jobs then).</summary>
    internal event Action<string>? Activated;

    /// <summary>Raised once a retired version was unloaded and checked: the report, a weak reference to its context, when unloading was requested.</summary>
    internal event Action<UnloadReport, WeakReference, DateTimeOffset>? Unloaded;

    /// <summary>The clock state changes and unload requests are stamped with (the runtime's TimeProvider once administration is set up).</summary>
    internal TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Loads the version in <paramref name="directory"/> and makes it serve, replacing the version serving now. On failure the plugin keeps its old version (or is quarantined if it had none).</summary>
    public async Task<PluginStatus> ActivateAsync(PluginManifest manifest, string directory, IConfiguration settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var slot = GetOrAddSlot(manifest.Id);
            var upgrading = slot.Active is not null;
            slot.State = upgrading ? PluginState.Upgrading : PluginState.Starting;
            LoadedPlugin loaded;
            try
            {
                CheckDependencies(manifest);
                ServiceOwnership.Check(manifest, OtherOwners(manifest.Id));
                loaded = await _loader.LoadAsync(manifest, directory, settings, cancellationToken);
            }
            catch (PluginLoadException ex)
            {
                LogRefused(_logger, manifest.Id, manifest.Version, ex.Message);
                if (upgrading)
                {
                    slot.State = PluginState.Enabled;
                    slot.Reason = $"Upgrade to {manifest.Version} refused: {ex.Message}";
                }
                else
                {
                    slot.State = PluginState.Quarantined;
                    slot.Reason = ex.Message;
                    slot.Manifest = manifest;
                }

                throw;
            }

            Route(slot, loaded);
            var previous = slot.Active;
            slot.Router.Switch(loaded.Generation);
            slot.Active = loaded;
            slot.Manifest = manifest;
            slot.State = PluginState.Enabled;
            slot.Reason = null;
            SetHealth(slot, ServingStatus.Serving);
            if (previous is not null)
            {
                RetireInBackground(slot, previous);
            }

            LogActivated(_logger, manifest.Id, manifest.Version);
            Activated?.Invoke(manifest.Id);
            return ToStatus(slot);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops serving the plugin: new calls get UNAVAILABLE, calls in flight finish, then the version is unloaded and checked.</summary>
    public async Task<PluginStatus> DisableAsync(string id, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var slot = GetSlot(id);
            var previous = slot.Active;
            slot.Router.Switch(null);
            slot.Active = null;
            slot.State = PluginState.Disabled;
            slot.Reason = null;
            SetHealth(slot, ServingStatus.NotServing);

            // Keep the routes (they answer UNAVAILABLE) but drop the descriptors, which live in the
            // plugin's context and would keep it from unloading.
            foreach (var (service, methods) in slot.RoutedServices)
            {
                DropDescriptor(service, methods);
            }

            if (previous is not null)
            {
                RetireInBackground(slot, previous);
            }

            return ToStatus(slot);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Forgets an uninstalled plugin: it must not be serving (disable it first). Its gRPC routes are
    /// removed, so its services answer UNIMPLEMENTED like any unknown service, and it leaves
    /// <see cref="List"/> and health.
    /// </summary>
    public async Task ForgetAsync(string id, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            PluginSlot slot;
            lock (_slots)
            {
                if (!_slots.TryGetValue(id, out slot!))
                {
                    return;
                }

                if (slot.Active is not null)
                {
                    throw new InvalidOperationException($"Plugin '{id}' is serving; disable it before forgetting it.");
                }

                _slots.Remove(id);
            }

            foreach (var service in slot.RoutedServices.Keys)
            {
                _registry.Remove(service);
                _health?.ClearStatus(service);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Marks a plugin that could not even be handed to the loader (its stored package failed
    /// verification, its dependencies form a cycle, …) as quarantined with the reason. A plugin
    /// serving now is left serving.
    /// </summary>
    internal async Task QuarantineAsync(string id, PluginManifest? manifest, string reason, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var slot = GetOrAddSlot(id);
            if (slot.Active is not null)
            {
                return;
            }

            slot.State = PluginState.Quarantined;
            slot.Reason = reason;
            slot.Manifest = manifest ?? slot.Manifest;
            LogRefused(_logger, id, manifest?.Version ?? "?", reason);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The service container of the plugin version serving now, or null (diagnostics and tests).</summary>
    internal IServiceProvider? ActiveServices(string id)
    {
        lock (_slots)
        {
            return _slots.GetValueOrDefault(id)?.Active?.PluginServices;
        }
    }

    /// <summary>The plugins serving now, with the manifest of the serving version and the router to enter it (tabs, badges, events).</summary>
    internal IReadOnlyList<(PluginManifest Manifest, PluginRouter Router)> ActivePlugins()
    {
        lock (_slots)
        {
            return _slots.Values
                .Where(s => s.Active is not null)
                .OrderBy(s => s.Id, StringComparer.Ordinal)
                .Select(s => (s.Active!.Manifest, s.Router))
                .ToList();
        }
    }

    /// <summary>The router of a known plugin (any state), or null for an id the runtime does not know.</summary>
    internal PluginRouter? FindRouter(string id)
    {
        lock (_slots)
        {
            return _slots.GetValueOrDefault(id)?.Router;
        }
    }

    /// <summary>Waits until every version retired so far has been unloaded and checked; returns their reports.</summary>
    public async Task<IReadOnlyList<UnloadReport>> WaitForUnloadsAsync()
    {
        Task[] pending;
        lock (_unloads)
        {
            pending = [.. _unloads];
        }

        await Task.WhenAll(pending);
        lock (_slots)
        {
            return _slots.Values.Where(s => s.LastUnload is not null).Select(s => s.LastUnload!).ToList();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        foreach (var status in List())
        {
            if (status.State is PluginState.Enabled)
            {
                await DisableAsync(status.Id);
            }
        }

        await WaitForUnloadsAsync();
        _gate.Dispose();
    }

    private void DropDescriptor(string service, IReadOnlyList<GrpcMethodDefinition> methods)
    {
        try
        {
            _registry.AddOrReplace(service, null, methods);
        }
        catch (Exception ex) when (_disposing && IsFromDisposedListener(ex))
        {
            // Shutting down with the host: ASP.NET's routing, which listens for endpoint changes, may already
            // be disposed. The registry has dropped the descriptor before notifying, which is what unloading needs.
        }
    }

    private static bool IsFromDisposedListener(Exception ex) =>
        ex is ObjectDisposedException || (ex is AggregateException all && all.Flatten().InnerExceptions.All(e => e is ObjectDisposedException));

    private void Route(PluginSlot slot, LoadedPlugin loaded)
    {
        var router = slot.Router;
        var served = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in loaded.GrpcServices)
        {
            var methods = service.Methods.Select(m =>
            {
                var path = m.Method.FullName;
                return new GrpcMethodDefinition(RouteMethod.From(m.Method), http => router.InvokeAsync(http, path));
            }).ToList();
            _registry.AddOrReplace(service.ServiceName, service.Descriptor, methods);
            slot.RoutedServices[service.ServiceName] = methods;
            served.Add(service.ServiceName);
        }

        // A service the new version no longer serves keeps its routes (they answer UNIMPLEMENTED
        // through the router) but loses the old version's descriptor, which would pin its context.
        foreach (var (service, methods) in slot.RoutedServices.Where(s => !served.Contains(s.Key)).ToList())
        {
            _registry.AddOrReplace(service, null, methods);
        }
    }

    // Service name → the other plugin routing it; a disabled plugin keeps its routes (answering UNAVAILABLE), so it keeps its names.
    private Dictionary<string, string> OtherOwners(string id)
    {
        lock (_slots)
        {
            var owners = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var slot in _slots.Values.Where(s => s.Id != id))
            {
                foreach (var service in slot.RoutedServices.Keys)
                {
                    owners.TryAdd(service, slot.Id);
                }
            }

            return owners;
        }
    }

    private void CheckDependencies(PluginManifest manifest)
    {
        var problems = new List<string>();
        foreach (var dependency in manifest.Dependencies.Where(d => !d.Optional))
        {
            PluginSlot? other;
            lock (_slots)
            {
                other = _slots.GetValueOrDefault(dependency.Id);
            }

            var version = other?.Active?.Manifest.Version;
            if (version is null)
            {
                problems.Add($"Plugin '{manifest.Id}' {manifest.Version} needs plugin '{dependency.Id}'{(dependency.MinVersion is null ? "" : " " + dependency.MinVersion + " or later")}, which is not enabled.");
            }
            else if (dependency.MinVersion is not null && Packaging.SemanticVersion.Parse(version) < Packaging.SemanticVersion.Parse(dependency.MinVersion))
            {
                problems.Add($"Plugin '{manifest.Id}' {manifest.Version} needs plugin '{dependency.Id}' {dependency.MinVersion} or later; {version} is enabled.");
            }
        }

        if (problems.Count > 0)
        {
            throw new PluginLoadException(string.Join(" ", problems));
        }
    }

    private void RetireInBackground(PluginSlot slot, LoadedPlugin previous)
    {
        var requested = Time.GetUtcNow();
        var task = Task.Run(async () =>
        {
            try
            {
                await previous.Generation.Drained.WaitAsync(_options.DrainTimeout);
            }
            catch (TimeoutException)
            {
                LogDrainTimeout(_logger, slot.Id, previous.Manifest.Version, previous.Generation.InFlight);
            }

            var weak = await previous.UnloadAsync(_options.StartTimeout);
            var report = await UnloadVerifier.VerifyAsync(weak, slot.Id, previous.Manifest.Version, _options.DiagnoseLeaks, e => LogDiagnosisFailed(_logger, e, slot.Id));
            slot.LastUnload = report;
            slot.LastUnloadRequestTime = requested;
            Unloaded?.Invoke(report, weak, requested);
            if (report.Collected)
            {
                LogUnloaded(_logger, slot.Id, report.Version, report.GcPasses, report.Elapsed.TotalMilliseconds);
            }
            else
            {
                LogLeak(_logger, slot.Id, report.Version, string.Join(", ", report.LingeringAssemblies), report.HoldingPaths.Count == 0 ? "not diagnosed" : string.Join(" | ", report.HoldingPaths));
            }
        });
        lock (_unloads)
        {
            _unloads.RemoveAll(t => t.IsCompleted);
            _unloads.Add(task);
        }
    }

    private void SetHealth(PluginSlot slot, ServingStatus status)
    {
        foreach (var service in slot.RoutedServices.Keys)
        {
            _health?.SetStatus(service, status);
        }
    }

    private PluginSlot GetOrAddSlot(string id)
    {
        lock (_slots)
        {
            if (!_slots.TryGetValue(id, out var slot))
            {
                _slots[id] = slot = new PluginSlot(id, Time);
            }

            return slot;
        }
    }

    private PluginSlot GetSlot(string id)
    {
        lock (_slots)
        {
            return _slots.TryGetValue(id, out var slot) ? slot : throw new KeyNotFoundException($"No plugin '{id}' is installed.");
        }
    }

    private PluginStatus ToStatus(PluginSlot slot)
    {
        var manifest = slot.Active?.Manifest ?? slot.Manifest;
        var unload = slot.LastUnload is { } report
            ? report.Collected
                ? $"{report.Version} collected after {report.GcPasses} GC pass(es) in {report.Elapsed.TotalMilliseconds:0} ms"
                : $"{report.Version} NOT collected after {report.GcPasses} GC passes; still loaded: {string.Join(", ", report.LingeringAssemblies)}"
                    + (report.HoldingPaths.Count == 0 ? string.Empty : "; held by: " + string.Join(" | ", report.HoldingPaths))
            : null;
        return new PluginStatus(
            slot.Id,
            manifest?.DisplayName,
            slot.Active?.Manifest.Version,
            slot.State,
            slot.Reason,
            slot.RoutedServices.Keys.Order(StringComparer.Ordinal).ToList(),
            manifest?.Tabs.Select(t => t.Id).ToList() ?? [],
            slot.Router.Active?.InFlight ?? 0,
            unload)
        {
            Manifest = manifest,
            StateChangeTime = slot.StateChangeTime,
            Serving = slot.Active is null ? null : slot.Active.GrpcServices.All(s => _health?.GetStatus(s.ServiceName) is null or ServingStatus.Serving),
            LastUnloadReport = slot.LastUnload,
            LastUnloadRequestTime = slot.LastUnloadRequestTime,
        };
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Plugin {Id} {Version} is serving")]
    private static partial void LogActivated(ILogger logger, string id, string version);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Plugin {Id} {Version} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string id, string version, string reason);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Plugin {Id} {Version} still had {InFlight} call(s) in flight after the drain timeout; unloading anyway")]
    private static partial void LogDrainTimeout(ILogger logger, string id, string version, int inFlight);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "Plugin {Id} {Version} unloaded and collected after {Passes} GC pass(es) in {Ms:0} ms")]
    private static partial void LogUnloaded(ILogger logger, string id, string version, int passes, double ms);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "Plugin {Id} {Version} was unloaded but its context is still alive (leak); still loaded: {Assemblies}; held by: {Holders}")]
    private static partial void LogLeak(ILogger logger, string id, string version, string assemblies, string holders);

    [LoggerMessage(EventId = 15, Level = LogLevel.Warning, Message = "Could not take a heap snapshot to tell what holds plugin {Id}")]
    private static partial void LogDiagnosisFailed(ILogger logger, Exception exception, string id);
}
