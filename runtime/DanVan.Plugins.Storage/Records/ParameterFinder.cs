using System.Linq.Expressions;

namespace DanVan.Plugins.Storage.Records;

/// <summary>Tells whether an expression reads the record parameter (then it is SQL, else a value).</summary>
internal sealed class ParameterFinder(ParameterExpression parameter) : ExpressionVisitor
{
    private bool _found;

    public bool Uses(Expression expression)
    {
        _found = false;
        Visit(expression);
        return _found;
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        _found |= node == parameter;
        return node;
    }
}
