namespace DanVan.Plugins.Data;

/// <summary>
/// The record's primary key: a <see cref="Guid"/> (an empty one is filled with a new
/// time-ordered value on insert), a <see cref="long"/> or a <see cref="string"/> set by the plugin.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class KeyAttribute : Attribute;
