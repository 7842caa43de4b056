namespace DanVan.Plugins.Data;

/// <summary>
/// A string property searchable without regard to case or Vietnamese diacritics with
/// <see cref="Text.Matches"/>. The store keeps a shadow column <c>&lt;column&gt;_folded</c>
/// holding <see cref="Text.Fold"/> of the value, written on every insert and update; the plugin's
/// migration creates it (<c>TEXT</c>, nullable) next to the column.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class SearchableAttribute : Attribute;
