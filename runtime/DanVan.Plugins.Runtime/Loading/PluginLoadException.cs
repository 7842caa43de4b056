namespace DanVan.Plugins.Runtime.Loading;

/// <summary>A plugin version could not be loaded or started; the message says why, for <c>list</c> and <c>doctor</c>.</summary>
public sealed class PluginLoadException(string message, Exception? inner = null) : Exception(message, inner);
