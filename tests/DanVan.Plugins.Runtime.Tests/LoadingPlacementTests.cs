using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.TestPlugins.Greeter.V1;
using Microsoft.Extensions.Configuration;

namespace DanVan.Plugins.Runtime.Tests;

/// <summary>
/// Where a plugin's assemblies land: the plugin API, contracts, gRPC layer, protobuf, Scrutor,
/// Microsoft.Extensions.* and the database stack in the runtime's default context (one copy, shared
/// types); the plugin and its private dependencies in its own collectible context, loaded from the
/// store's extracted copy of its package, never from where the package came from.
/// </summary>
public sealed class LoadingPlacementTests
{
    private static readonly string[] SharedByEveryPlugin =
    [
        "DanVan.Plugins.Abstractions",
        "DanVan.Plugins.Contracts",
        "DanVan.Plugins.Grpc",
        "Google.Protobuf",
        "Microsoft.Extensions.DependencyInjection.Abstractions",
    ];

    private static readonly string[] DatabaseStack = ["DanVan.Plugins.Storage", "Microsoft.Data.Sqlite", "SQLitePCLRaw.core", "Npgsql"];

    [Fact]
    public async Task Load_PrivateDependency_InThePluginsCollectibleContext_SharedOnesFromTheDefault()
    {
        await using var host = await RuntimeHost.StartAsync();
        var folder = CopyBuild(host, "missingdependency");
        await host.Manager.ActivateAsync(TestPluginBuilds.Manifest("missingdependency", "1.0.0"), folder, new ConfigurationBuilder().Build());

        var placement = Placement("danvan.testplugins.missingdependency@1.0.0", folder, out var own, out var collectible);

        Assert.True(collectible);
        Assert.Equal(["DanVan.Plugins.TestPlugins.MissingDependency", "DanVan.Plugins.TestPlugins.MissingDependency.Helper"], own);
        Assert.Equal("plugin", placement["DanVan.Plugins.TestPlugins.MissingDependency.Helper"]);
        Assert.DoesNotContain(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name == "DanVan.Plugins.TestPlugins.MissingDependency.Helper");
        // This plugin has no gRPC service: of the shared assemblies it references the API and DI only.
        Assert.Equal("default", placement["DanVan.Plugins.Abstractions"]);
        Assert.Equal("default", placement["Microsoft.Extensions.DependencyInjection.Abstractions"]);
        Assert.All(placement.Where(p => !p.Key.StartsWith("DanVan.Plugins.TestPlugins.", StringComparison.Ordinal)), p => Assert.Equal((p.Key, "default"), (p.Key, p.Value)));
    }

    [Fact]
    public async Task Load_Greeter_EveryReferenceButItselfBindsToTheDefaultContext()
    {
        await using var host = await RuntimeHost.StartAsync();
        var folder = CopyBuild(host, "greeter");
        await host.Manager.ActivateAsync(TestPluginBuilds.Manifest("greeter", "1.0.0"), folder, new ConfigurationBuilder().Build());
        await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest { Name = "An" });

        var placement = Placement("danvan.testplugins.greeter@1.0.0", folder, out var own, out _);

        Assert.Equal(["DanVan.Plugins.TestPlugins.Greeter"], own);
        Assert.All(SharedByEveryPlugin.Concat(["Microsoft.Extensions.Options", "Microsoft.Extensions.Configuration.Abstractions", "Scrutor", "Microsoft.AspNetCore.Http.Abstractions"]), name =>
            Assert.Equal((name, "default"), (name, placement[name])));
        Assert.All(placement.Where(p => p.Key != "DanVan.Plugins.TestPlugins.Greeter"), p => Assert.Equal((p.Key, "default"), (p.Key, p.Value)));
        // Asked by name, the database stack also comes from the runtime: a driver or EF inside a
        // collectible context keeps it from unloading.
        Assert.All(DatabaseStack, name => Assert.Equal((name, "default"), (name, PlacementOf("danvan.testplugins.greeter@1.0.0", folder, name))));
    }

    [Fact]
    public async Task Install_LoadsFromTheStoresCopy_SourcePackageDeletedWhileServing_KeepsServing()
    {
        string? store = null;
        await using var host = await RuntimeHost.StartAsync(configure: o => store = o.RootDirectory);
        var package = TestPackages.Pack("greeter", "1.0.0", host.Scratch);
        await host.Admin.InstallAsync(package, "it");
        var client = new GreeterService.GreeterServiceClient(host.Channel);
        await client.SayHelloAsync(new HelloRequest { Name = "An" });

        File.Delete(package);
        var reply = await client.SayHelloAsync(new HelloRequest { Name = "Bình" });
        await host.ActivateAsync("greeter", "2.0.0");
        await host.Admin.EnableAsync("danvan.testplugins.greeter", "it", "1.0.0");
        var again = await client.SayHelloAsync(new HelloRequest { Name = "Chi" });

        Assert.Equal("Xin chào Bình từ 1.0.0!", reply.Message);
        // Enabling the installed version again needs nothing from where the package came from.
        Assert.Equal("Xin chào Chi từ 1.0.0!", again.Message);
        // Found by its location: the context exists only if the store's copy is what was loaded.
        Assert.True(IsLoadedFrom("danvan.testplugins.greeter@1.0.0", Path.Combine(store!, "versions", "danvan.testplugins.greeter", "1.0.0")));
    }

    // Plain strings only, in frames of their own: a reference to the plugin's context kept by the test would pin it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Dictionary<string, string> Placement(string contextName, string folder, out List<string> own, out bool collectible)
    {
        var context = Find(contextName, folder)!;
        own = context.Assemblies.Select(a => a.GetName().Name!).Order(StringComparer.Ordinal).ToList();
        collectible = context.IsCollectible;
        var placement = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assembly in context.Assemblies.ToList())
        {
            placement[assembly.GetName().Name!] = "plugin";
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                placement[reference.Name!] = Where(context, context.LoadFromAssemblyName(reference));
            }
        }

        return placement;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string PlacementOf(string contextName, string folder, string assemblyName)
    {
        var context = Find(contextName, folder)!;
        return Where(context, context.LoadFromAssemblyName(new AssemblyName(assemblyName)));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsLoadedFrom(string contextName, string folder) => Find(contextName, folder) is not null;

    private static string Where(AssemblyLoadContext plugin, Assembly assembly)
    {
        var owner = AssemblyLoadContext.GetLoadContext(assembly);
        return owner == AssemblyLoadContext.Default ? "default" : owner == plugin ? "plugin" : owner?.Name ?? "?";
    }

    // Tests in other classes load the same versions at the same time: this test's context is the one
    // whose assemblies come from its own folder.
    private static AssemblyLoadContext? Find(string name, string folder) =>
        AssemblyLoadContext.All.LastOrDefault(c => c.Name == name && c.Assemblies.Any(a => a.Location.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)));

    private static string CopyBuild(RuntimeHost host, string name)
    {
        var folder = Path.Combine(host.Scratch, name);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(TestPluginBuilds.Directory(name, "1.0.0")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }
}
