namespace DanVan.Plugins.Storage.Migrations;

/// <summary>A plugin version's migrations failed or were refused; nothing was changed. The message is Vietnamese then English.</summary>
public sealed class MigrationException(string message, Exception? inner = null) : Exception(message, inner);
