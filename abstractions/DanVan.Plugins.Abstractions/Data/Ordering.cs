using System.Linq.Expressions;

namespace DanVan.Plugins.Data;

/// <summary>One ORDER BY term of a <see cref="Specification{T}"/>.</summary>
public sealed class Ordering(LambdaExpression key, bool descending)
{
    /// <summary>The property ordered by, e.g. <c>x =&gt; x.DueDate</c>.</summary>
    public LambdaExpression Key { get; } = key;

    /// <summary>Largest first.</summary>
    public bool Descending { get; } = descending;
}
