using System.Linq.Expressions;

namespace DanVan.Plugins.Data;

/// <summary>
/// Related records a <see cref="Specification{T}"/> loads with a second query (never a join):
/// children whose foreign key holds the loaded records' keys, or the one record a loaded record's
/// foreign key names.
/// </summary>
public sealed class Include(Type relatedType, LambdaExpression navigation, LambdaExpression foreignKey, bool many)
{
    /// <summary>The related record type.</summary>
    public Type RelatedType { get; } = relatedType;

    /// <summary>The navigation property that receives them.</summary>
    public LambdaExpression Navigation { get; } = navigation;

    /// <summary>For many: the child's property holding the parent's key; for one: the loaded record's property holding the related key.</summary>
    public LambdaExpression ForeignKey { get; } = foreignKey;

    /// <summary>A list of children (true) or one related record (false).</summary>
    public bool Many { get; } = many;
}
