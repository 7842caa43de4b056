namespace DanVan.Plugins.Data;

/// <summary>
/// A <see cref="long"/> property the store owns: 1 after insert, +1 on every update. An update or
/// delete whose version is not the stored one fails with <see cref="ConcurrencyConflictException"/>
/// and changes nothing.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ConcurrencyVersionAttribute : Attribute;
