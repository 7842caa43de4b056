using System.Reflection;

namespace DanVan.Plugins.Tasks.Tests.Infrastructure;

/// <summary>The Tasks plugin's own build output (plugin.json and its assembly), as the runtime loads it.</summary>
internal static class TasksPluginBuild
{
    public static string Directory { get; } = typeof(TasksPluginBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "TasksPluginDirectory").Value
        ?? throw new InvalidOperationException("The test project names no Tasks plugin build folder.");
}
