namespace DanVan.Plugins.Data;

/// <summary>Names the column of a property when the snake_case default does not fit.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ColumnAttribute(string name) : Attribute
{
    /// <summary>The column name.</summary>
    public string Name { get; } = name;
}
