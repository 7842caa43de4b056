namespace DanVan.Plugins.Data;

/// <summary>A property the store neither writes nor reads.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class NotStoredAttribute : Attribute;
