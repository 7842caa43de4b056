using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Runtime.Management;
using Google.Protobuf.WellKnownTypes;
using ProtoPluginState = DanVan.Plugins.Contracts.Runtime.V1.PluginState;

namespace DanVan.Plugins.Runtime.Administration;

/// <summary>A plugin's status as danvan.runtime.v1's Plugin message.</summary>
internal static class PluginMessages
{
    /// <summary>The version the message describes: the one serving, else the newest installed.</summary>
    public static string VersionOf(PluginStatus status) =>
        status.ActiveVersion ?? status.Manifest?.Version ?? status.InstalledVersions.LastOrDefault() ?? "";

    public static Plugin ToProto(PluginStatus status, DateTimeOffset now, string? packageSha256)
    {
        var manifest = status.Manifest;
        var plugin = new Plugin
        {
            Id = status.Id,
            Version = VersionOf(status),
            DisplayName = status.DisplayName ?? manifest?.DisplayName ?? "",
            Description = manifest?.Description ?? "",
            Publisher = manifest?.Publisher ?? "",
            State = ToProto(status.State),
            QuarantineReason = status.State == Management.PluginState.Quarantined ? status.Reason ?? "" : "",
            StateMessage = status.Reason ?? "",
            PreviousVersion = status.PreviousVersion ?? "",
            AbstractionsVersion = manifest?.AbstractionsVersion ?? "",
            PackageSha256 = packageSha256 ?? "",
        };
        if (status.StateChangeTime is { } changed)
        {
            plugin.StateChangeTime = Timestamp.FromDateTimeOffset(changed);
        }

        if (status.Serving is { } serving)
        {
            plugin.Health = new PluginHealth
            {
                Status = serving ? HealthStatus.Healthy : HealthStatus.Unhealthy,
                Message = serving ? "" : "Một hoặc nhiều dịch vụ gRPC của plugin không ở trạng thái SERVING.",
                CheckTime = Timestamp.FromDateTimeOffset(now),
            };
        }

        plugin.Services.AddRange(status.Services.Select(s => new ContributedService { FullName = s }));
        if (manifest is not null)
        {
            plugin.Tabs.AddRange(manifest.Tabs.Select(Tab));
            plugin.Permissions.AddRange(manifest.Permissions);
            plugin.Dependencies.AddRange(manifest.Dependencies.Select(d => new Contracts.Runtime.V1.PluginDependency
            {
                PluginId = d.Id,
                VersionRange = d.MinVersion is null ? "" : $"[{d.MinVersion}, )",
            }));
        }
        else
        {
            plugin.Tabs.AddRange(status.Tabs.Select(t => new ContributedTab { Id = t }));
        }

        if (status.LastUnloadReport is { } unload)
        {
            plugin.LastUnload = new PluginUnload
            {
                PluginVersion = unload.Version,
                Collected = unload.Collected,
                GcPasses = unload.GcPasses,
            };
            if (status.LastUnloadRequestTime is { } requested)
            {
                plugin.LastUnload.UnloadRequestTime = Timestamp.FromDateTimeOffset(requested);
            }

            plugin.LastUnload.LingeringAssemblies.AddRange(unload.LingeringAssemblies);
            plugin.LastUnload.HoldingPaths.AddRange(unload.HoldingPaths);
        }

        return plugin;
    }

    public static ProtoPluginState ToProto(Management.PluginState state) => state switch
    {
        Management.PluginState.Installed => ProtoPluginState.Installed,
        Management.PluginState.Starting => ProtoPluginState.Starting,
        Management.PluginState.Enabled => ProtoPluginState.Enabled,
        Management.PluginState.Upgrading => ProtoPluginState.Upgrading,
        Management.PluginState.Disabled => ProtoPluginState.Disabled,
        Management.PluginState.Quarantined => ProtoPluginState.Quarantined,
        _ => ProtoPluginState.Unspecified,
    };

    private static ContributedTab Tab(PluginTab tab)
    {
        var contributed = new ContributedTab { Id = tab.Id, Title = tab.Title };
        contributed.Placements.AddRange(tab.Contexts.Select(c => c switch
        {
            // A province tab opens from a unit's screen (see TabVisibility).
            Tabs.TabVisibility.Unit or Tabs.TabVisibility.Province => TabPlacement.Unit,
            Tabs.TabVisibility.Document => TabPlacement.Document,
            _ => TabPlacement.Unspecified,
        }).Where(p => p != TabPlacement.Unspecified).Distinct());
        return contributed;
    }
}
