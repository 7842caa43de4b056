using System.Collections.Concurrent;
using DanVan.Plugins.Runtime.Loading;
using DanVan.Plugins.Runtime.Management;
using DanVan.Plugins.Runtime.Packaging;
using DanVan.Plugins.Runtime.Store;
using Microsoft.Extensions.Configuration;

namespace DanVan.Plugins.Runtime.Administration;

/// <summary>
/// What provincial IT does to plugins — install, enable, disable, upgrade, roll back, change
/// settings — each checked, applied live, remembered across restarts and written to the admin
/// audit log with who did it. The admin gRPC service, the CLI and the drop-folder watcher all
/// come through here.
/// </summary>
public sealed class PluginAdministration
{
    private readonly PluginStore _store;
    private readonly PluginManager _manager;
    private readonly AdminAuditLog _audit;
    private readonly LeakWatch _leaks;
    private readonly ConcurrentDictionary<(string Id, string Version, string Digest), PluginManifest> _manifests = new();

    internal PluginAdministration(PluginStore store, PluginManager manager, AdminAuditLog audit)
    {
        _store = store;
        _manager = manager;
        _audit = audit;

        // The manager is built without a clock; state changes and unloads follow the runtime's TimeProvider from here on.
        manager.Time = audit.Time;
        _leaks = new LeakWatch(manager);
    }

    /// <summary>Every plugin the runtime knows.</summary>
    public IReadOnlyList<PluginStatus> List()
    {
        var live = _manager.List().ToDictionary(s => s.Id, StringComparer.Ordinal);
        var stored = _store.All();
        var known = stored
            .Select(p => live.TryGetValue(p.Id, out var status) ? WithRecord(status, p.Record) : Idle(p.Id, p.Record));

        // Plugins started straight from a folder (development, tests) have no store record.
        var loose = live.Values.Where(s => !stored.Any(p => p.Id == s.Id));
        return known.Concat(loose).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The audit log of admin actions, oldest first.</summary>
    public IReadOnlyList<AdminAuditEntry> AuditLog() => _audit.Read();

    /// <summary>Verifies and installs a package (refusing unsigned, tampered, unsafe or downgrading ones) and, when <paramref name="enable"/>, makes it serve.</summary>
    public Task<PluginStatus> InstallAsync(string packagePath, string actor, bool allowDowngrade = false, bool enable = true, string? reason = null, CancellationToken cancellationToken = default) =>
        Audited(actor, allowDowngrade ? "install (downgrade allowed)" : "install", Path.GetFileName(packagePath), reason, async () =>
        {
            var (package, _) = _store.Install(packagePath, allowDowngrade);
            return enable
                ? await ActivateAsync(package.Manifest.Id, package.Manifest.Version, cancellationToken)
                : Status(package.Manifest.Id);
        });

    /// <summary>
    /// Installs a new version of the installed plugin <paramref name="id"/> and makes it serve. A package
    /// of another plugin is refused before anything is stored or started (<see cref="AdminArgumentException"/>).
    /// </summary>
    public Task<PluginStatus> UpgradeAsync(string id, string packagePath, string actor, bool allowDowngrade = false, string? reason = null, CancellationToken cancellationToken = default) =>
        Audited(actor, allowDowngrade ? "upgrade (downgrade allowed)" : "upgrade", id, reason, async () =>
        {
            _ = _store.Get(id) ?? throw new KeyNotFoundException($"No plugin '{id}' is installed.");
            if (PackageManifestPeek.ReadId(packagePath) is { } packaged && packaged != id)
            {
                throw new AdminArgumentException("plugin_id", $"The package is plugin '{packaged}', not '{id}'.", $"Gói này là của plugin '{packaged}', không phải '{id}'; không có gì được cài.");
            }

            var (package, _) = _store.Install(packagePath, allowDowngrade);
            return package.Manifest.Id == id
                ? await ActivateAsync(id, package.Manifest.Version, cancellationToken)
                : throw new AdminArgumentException("plugin_id", $"The package is plugin '{package.Manifest.Id}', not '{id}'.", $"Gói này là của plugin '{package.Manifest.Id}', không phải '{id}'.");
        });

    /// <summary>Makes the plugin serve: the given installed version, else the one that served last, else the newest.</summary>
    public Task<PluginStatus> EnableAsync(string id, string actor, string? version = null, string? reason = null, CancellationToken cancellationToken = default) =>
        Audited(actor, "enable", id, reason, () =>
        {
            var record = _store.Get(id) ?? throw new KeyNotFoundException($"No plugin '{id}' is installed.");
            var target = version ?? record.Active ?? Newest(record);
            return ActivateAsync(id, target, cancellationToken);
        });

    /// <summary>Stops serving the plugin; it loads nothing until enabled again. A plugin not serving (never enabled, already disabled) just stays off.</summary>
    public Task<PluginStatus> DisableAsync(string id, string actor, string? reason = null, CancellationToken cancellationToken = default) =>
        Audited(actor, "disable", id, reason, async () =>
        {
            _ = _store.Get(id) ?? throw new KeyNotFoundException($"No plugin '{id}' is installed.");
            var serving = _manager.List().Any(s => s.Id == id);
            var status = serving ? await _manager.DisableAsync(id, cancellationToken) : null;
            _store.Update(id, r => r.Enabled = false);
            var record = _store.Get(id)!;
            return status is null
                ? Idle(id, record)
                : WithRecord(status, record);
        });

    /// <summary>Goes back to the version that served before the last switch.</summary>
    public Task<PluginStatus> RollbackAsync(string id, string actor, string? reason = null, CancellationToken cancellationToken = default) =>
        Audited(actor, "rollback", id, reason, () =>
        {
            var record = _store.Get(id) ?? throw new KeyNotFoundException($"No plugin '{id}' is installed.");
            var previous = record.Previous ?? throw new InvalidOperationException($"Plugin '{id}' has no previous version to roll back to.");
            return ActivateAsync(id, previous, cancellationToken);
        });

    /// <summary>The unloaded versions still in memory; with <paramref name="collect"/>, checked again with forced garbage collections first.</summary>
    internal Task<IReadOnlyList<LeakedVersion>> CheckLeaksAsync(bool collect) => _leaks.CheckAsync(collect);

    /// <summary>Validates and stores the province's settings for the plugin; an enabled plugin restarts with them at once.</summary>
    public Task<PluginStatus> UpdateSettingsAsync(string id, IReadOnlyDictionary<string, string> settings, string actor, string? reason = null, CancellationToken cancellationToken = default) =>
        Audited(actor, "settings", id, reason, async () =>
        {
            var record = _store.Get(id) ?? throw new KeyNotFoundException($"No plugin '{id}' is installed.");
            var version = record.Active ?? Newest(record);
            var (manifest, _) = _store.PrepareLoad(id, version);
            var (_, problems) = PluginSettingsValidator.Validate(manifest, settings);
            if (problems.Count > 0)
            {
                throw new PluginSettingsException(problems);
            }

            _store.Update(id, r => r.Settings = new Dictionary<string, string>(settings, StringComparer.OrdinalIgnoreCase));
            return record.Enabled && record.Active is not null
                ? await ActivateAsync(id, record.Active, cancellationToken)
                : Status(id);
        });

    /// <summary>The province's settings for the plugin (as stored, before defaults) and the manifest that defines them.</summary>
    public (IReadOnlyDictionary<string, string> Values, PluginManifest Manifest) GetSettings(string id)
    {
        var record = _store.Get(id) ?? throw new KeyNotFoundException($"No plugin '{id}' is installed.");
        var (manifest, _) = _store.PrepareLoad(id, record.Active ?? Newest(record));
        return (new Dictionary<string, string>(record.Settings, StringComparer.OrdinalIgnoreCase), manifest);
    }

    /// <summary>Stops the plugin and removes every installed version; its data folder too when asked.</summary>
    public Task<PluginStatus> UninstallAsync(string id, string actor, bool deleteData, string dataDirectory, string? reason = null, CancellationToken cancellationToken = default) =>
        Audited(actor, "uninstall", id, reason, async () =>
        {
            var record = _store.Get(id) ?? throw new KeyNotFoundException($"No plugin '{id}' is installed.");
            var last = Idle(id, record);
            if (_manager.List().Any(s => s.Id == id && s.State == PluginState.Enabled))
            {
                last = await _manager.DisableAsync(id, cancellationToken);
                await _manager.WaitForUnloadsAsync();
            }

            _store.Remove(id);
            await _manager.ForgetAsync(id, cancellationToken);
            var data = Path.Combine(dataDirectory, id);
            if (deleteData && Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }

            return last with { InstalledVersions = [] };
        });

    /// <summary>Stores new settings only when they differ from the current ones (then as <see cref="UpdateSettingsAsync"/>).</summary>
    internal Task ApplySettingsAsync(string id, IReadOnlyDictionary<string, string> settings, string actor)
    {
        var record = _store.Get(id) ?? throw new KeyNotFoundException($"No plugin '{id}' is installed.");
        var same = record.Settings.Count == settings.Count
            && settings.All(p => record.Settings.TryGetValue(p.Key, out var value) && value == p.Value);
        return same ? Task.CompletedTask : UpdateSettingsAsync(id, settings, actor);
    }

    /// <summary>
    /// At start-up: makes every plugin that was enabled serve again, each after the plugins it
    /// requires. Every stored package is verified again first; a plugin that fails (altered package,
    /// publisher no longer trusted, dependency cycle, refused at load) is quarantined with the
    /// reason; the others still start.
    /// </summary>
    public async Task RestoreAsync(CancellationToken cancellationToken = default)
    {
        var candidates = new List<PluginManifest>();
        foreach (var (id, record) in _store.All())
        {
            if (!record.Enabled || record.Installed.Count == 0)
            {
                continue;
            }

            try
            {
                candidates.Add(_store.PrepareLoad(id, record.Active ?? Newest(record)).Manifest);
            }
            catch (Exception ex) when (ex is PackageException or KeyNotFoundException or IOException)
            {
                await RefuseAtRestoreAsync(id, null, ex is PackageException package ? package.MessageVi + " / " + ex.Message : ex.Message, cancellationToken);
            }
        }

        var (ordered, refused) = StartOrder.Sort(candidates);
        foreach (var (id, reason) in refused)
        {
            await RefuseAtRestoreAsync(id, candidates.First(c => c.Id == id), reason, cancellationToken);
        }

        foreach (var manifest in ordered)
        {
            try
            {
                await ActivateAsync(manifest.Id, manifest.Version, cancellationToken);
            }
            catch (PluginLoadException ex)
            {
                // The manager has quarantined it already.
                _audit.Record("runtime", "restore", manifest.Id, "refused", ex.Message);
            }
            catch (Exception ex) when (ex is PackageException or PluginSettingsException or KeyNotFoundException or IOException or InvalidOperationException)
            {
                await RefuseAtRestoreAsync(manifest.Id, manifest, ex is PackageException package ? package.MessageVi + " / " + ex.Message : ex.Message, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Before <see cref="RestoreAsync"/>: records what province.json wants of an installed plugin
    /// (its settings, whether it serves) without loading anything, so a plugin the file disables
    /// never starts. Settings are checked first; refused settings change nothing.
    /// </summary>
    internal void ApplyBeforeRestore(string id, IReadOnlyDictionary<string, string> settings, bool enabled, string actor)
    {
        var record = _store.Get(id) ?? throw new KeyNotFoundException($"No plugin '{id}' is installed.");
        var same = record.Settings.Count == settings.Count
            && settings.All(p => record.Settings.TryGetValue(p.Key, out var value) && value == p.Value);
        if (!same)
        {
            var (manifest, _) = _store.PrepareLoad(id, record.Active ?? Newest(record));
            var (_, problems) = PluginSettingsValidator.Validate(manifest, settings);
            if (problems.Count > 0)
            {
                _audit.Record(actor, "settings", id, "refused", string.Join(" ", problems));
                throw new PluginSettingsException(problems);
            }

            _store.Update(id, r => r.Settings = new Dictionary<string, string>(settings, StringComparer.OrdinalIgnoreCase));
            _audit.Record(actor, "settings", id, "ok", record.Active);
        }

        if (record.Enabled != enabled)
        {
            _store.Update(id, r => r.Enabled = enabled);
            _audit.Record(actor, enabled ? "enable" : "disable", id, "ok", record.Active);
        }
    }

    /// <summary>
    /// Installs a package as <see cref="InstallAsync(string, string, bool, bool, CancellationToken)"/> does, asking
    /// <paramref name="beforeActivate"/> (given the plugin id, once the package is verified and stored) whether it
    /// should serve now: the drop folder keeps a plugin provincial IT disabled disabled.
    /// </summary>
    internal Task<PluginStatus> InstallAsync(string packagePath, string actor, Func<string, Task<bool>> beforeActivate, CancellationToken cancellationToken = default) =>
        Audited(actor, "install", Path.GetFileName(packagePath), async () =>
        {
            var (package, _) = _store.Install(packagePath, allowDowngrade: false);
            return await beforeActivate(package.Manifest.Id)
                ? await ActivateAsync(package.Manifest.Id, package.Manifest.Version, cancellationToken)
                : Status(package.Manifest.Id);
        });

    private async Task RefuseAtRestoreAsync(string id, PluginManifest? manifest, string reason, CancellationToken cancellationToken)
    {
        await _manager.QuarantineAsync(id, manifest, reason, cancellationToken);
        _audit.Record("runtime", "restore", id, "refused", reason);
    }

    private async Task<PluginStatus> ActivateAsync(string id, string version, CancellationToken cancellationToken)
    {
        var (manifest, directory) = _store.PrepareLoad(id, version);
        var record = _store.Get(id)!;
        var (effective, problems) = PluginSettingsValidator.Validate(manifest, record.Settings);
        if (problems.Count > 0)
        {
            throw new PluginSettingsException(problems);
        }

        CheckDependencies(manifest);
        var settings = new ConfigurationBuilder().AddInMemoryCollection(effective.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();
        var status = await _manager.ActivateAsync(manifest, directory, settings, cancellationToken);
        _store.Update(id, r =>
        {
            if (r.Active is not null && r.Active != version)
            {
                r.Previous = r.Active;
            }

            r.Active = version;
            r.Enabled = true;
        });
        return WithRecord(status, _store.Get(id)!);
    }

    /// <summary>
    /// A required plugin that is not serving (or too old) is the administrator's to fix first, so the
    /// plugin is refused before it is touched (FAILED_PRECONDITION) instead of being started and quarantined.
    /// </summary>
    private void CheckDependencies(PluginManifest manifest)
    {
        var serving = _manager.List().Where(s => s.ActiveVersion is not null).ToDictionary(s => s.Id, s => s.ActiveVersion!, StringComparer.Ordinal);
        var missing = manifest.Dependencies
            .Where(d => !d.Optional)
            .Where(d => !serving.TryGetValue(d.Id, out var version)
                || (d.MinVersion is not null && SemanticVersion.Parse(version) < SemanticVersion.Parse(d.MinVersion)))
            .Select(d => d.MinVersion is null ? $"'{d.Id}'" : $"'{d.Id}' {d.MinVersion} or later")
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Plugin '{manifest.Id}' {manifest.Version} needs {string.Join(", ", missing)} enabled first.");
        }
    }

    private async Task<PluginStatus> Audited(string actor, string action, string subject, string? reason, Func<Task<PluginStatus>> run)
    {
        try
        {
            var status = await run();
            _audit.Record(actor, action, status.Id, "ok", status.ActiveVersion, reason);
            return status;
        }
        catch (Exception ex)
        {
            _audit.Record(actor, action, subject, "refused", ex.Message, reason);
            throw;
        }
    }

    private Task<PluginStatus> Audited(string actor, string action, string subject, Func<Task<PluginStatus>> run) =>
        Audited(actor, action, subject, reason: null, run);

    private PluginStatus Status(string id)
    {
        var record = _store.Get(id)!;
        return _manager.List().FirstOrDefault(s => s.Id == id) is { } live
            ? WithRecord(live, record)
            : Idle(id, record);
    }

    private PluginStatus WithRecord(PluginStatus live, PluginRecord record) =>
        live with
        {
            InstalledVersions = Versions(record),
            PreviousVersion = record.Previous,
            Manifest = live.Manifest ?? ManifestOf(live.Id, live.ActiveVersion ?? Newest(record), record),
        };

    private PluginStatus Idle(string id, PluginRecord record)
    {
        var manifest = record.Installed.Count == 0 ? null : ManifestOf(id, record.Active ?? Newest(record), record);
        return new(id, manifest?.DisplayName, null, record.Enabled ? PluginState.Installed : PluginState.Disabled, null, [], manifest?.Tabs.Select(t => t.Id).ToList() ?? [], 0, null)
        {
            InstalledVersions = Versions(record),
            PreviousVersion = record.Previous,
            Manifest = manifest,
        };
    }

    /// <summary>The signed manifest of an installed version, read once per content (a version's files never change in place).</summary>
    private PluginManifest? ManifestOf(string id, string version, PluginRecord record)
    {
        if (!record.Installed.TryGetValue(version, out var digest))
        {
            return null;
        }

        if (_manifests.TryGetValue((id, version, digest), out var known))
        {
            return known;
        }

        try
        {
            var (manifest, _) = _store.PrepareLoad(id, version);
            return _manifests[(id, version, digest)] = manifest;
        }
        catch (Exception ex) when (ex is PackageException or KeyNotFoundException or IOException)
        {
            // A stored package that no longer verifies is reported when it is loaded; a listing shows what it can.
            return null;
        }
    }

    private static IReadOnlyList<string> Versions(PluginRecord record) =>
        record.Installed.Keys.OrderBy(SemanticVersion.Parse).ToList();

    private static string Newest(PluginRecord record) =>
        record.Installed.Keys.OrderByDescending(SemanticVersion.Parse).First();
}
