using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using DanVan.Plugins.Data;
using DanVan.Plugins.Storage.Sql;

namespace DanVan.Plugins.Storage.Records;

/// <summary>
/// Turns a specification's criteria and ordering into SQL over one record map. The supported
/// subset: comparisons, &amp;&amp;, ||, !, null checks, bool properties, string
/// StartsWith/Contains/EndsWith, collection Contains (IN), <see cref="Text.Matches"/> and
/// string.IsNullOrEmpty; values not involving the record are evaluated by reflection. Anything
/// else throws <see cref="NotSupportedException"/> naming the expression.
/// </summary>
internal sealed class CriteriaTranslator(RecordMap map, SqlDialect dialect, SqlParameters parameters)
{
    private ParameterExpression? _record;
    private ParameterFinder? _finder;
    private LambdaExpression? _lambda;

    public string Where(IEnumerable<LambdaExpression> criteria)
    {
        var parts = criteria.Select(Translate).ToList();
        return parts.Count == 0 ? "" : " WHERE " + string.Join(" AND ", parts);
    }

    public string OrderBy(IReadOnlyList<Ordering> orderings)
    {
        if (orderings.Count == 0)
        {
            return "";
        }

        return " ORDER BY " + string.Join(", ", orderings.Select(o =>
        {
            Begin(o.Key);
            var column = ColumnOf(o.Key.Body) ?? throw Unsupported(o.Key.Body, "order by a stored property of the record");
            // As LINQ (and SQLite) do: nulls sort first, last when descending.
            var nulls = column.Nullable && dialect.Kind == DataDialect.Postgres ? (o.Descending ? " NULLS LAST" : " NULLS FIRST") : "";
            return column.QuotedColumn + (o.Descending ? " DESC" : "") + nulls;
        }));
    }

    public string Translate(LambdaExpression criterion)
    {
        Begin(criterion);
        return Predicate(criterion.Body);
    }

    /// <summary>The column a member-access lambda (x =&gt; x.Prop) names.</summary>
    public ColumnMap Column(LambdaExpression lambda)
    {
        Begin(lambda);
        return ColumnOf(lambda.Body) ?? throw Unsupported(lambda.Body, "name a stored property of the record");
    }

    private void Begin(LambdaExpression lambda)
    {
        _lambda = lambda;
        _record = lambda.Parameters[0];
        _finder = new ParameterFinder(_record);
    }

    private string Predicate(Expression e)
    {
        switch (e)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso or ExpressionType.And } b when b.Type == typeof(bool):
                return $"({Predicate(b.Left)} AND {Predicate(b.Right)})";
            case BinaryExpression { NodeType: ExpressionType.OrElse or ExpressionType.Or } b when b.Type == typeof(bool):
                return $"({Predicate(b.Left)} OR {Predicate(b.Right)})";
            case UnaryExpression { NodeType: ExpressionType.Not } u:
                return $"(NOT {Predicate(u.Operand)})";
            case BinaryExpression b when IsComparison(b.NodeType):
                return Comparison(b);
            case MethodCallExpression call when _finder!.Uses(call):
                return Method(call);
            case MemberExpression { Member.Name: "HasValue" } m when m.Expression is not null && ColumnOf(m.Expression) is { } nullable:
                return $"{nullable.QuotedColumn} IS NOT NULL";
            case MemberExpression m when m.Type == typeof(bool) && ColumnOf(m) is { } flag:
                return $"{flag.QuotedColumn} = {dialect.True}";
            case MemberExpression { Member.Name: "Value" } m when m.Type == typeof(bool) && m.Expression is not null && ColumnOf(m.Expression) is { } flag:
                return $"{flag.QuotedColumn} = {dialect.True}";
            case Expression value when value.Type == typeof(bool) && !_finder!.Uses(value):
                return ValueEvaluator.Evaluate(value) is true ? "1 = 1" : "1 = 0";
            default:
                throw Unsupported(e, "use comparisons, &&, ||, !, null checks, bool properties, StartsWith/Contains/EndsWith, collection Contains or Text.Matches");
        }
    }

    private static bool IsComparison(ExpressionType type) => type is ExpressionType.Equal or ExpressionType.NotEqual
        or ExpressionType.LessThan or ExpressionType.LessThanOrEqual or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual;

    private string Comparison(BinaryExpression b)
    {
        var left = ColumnOf(b.Left);
        var right = ColumnOf(b.Right);
        var op = b.NodeType;
        if (left is not null && right is not null)
        {
            return $"{left.QuotedColumn} {Operator(op)} {right.QuotedColumn}";
        }

        Expression valueSide;
        ColumnMap column;
        if (left is not null)
        {
            column = left;
            valueSide = b.Right;
        }
        else if (right is not null)
        {
            column = right;
            valueSide = b.Left;
            op = Flip(op);
        }
        else if (!_finder!.Uses(b))
        {
            return ValueEvaluator.Evaluate(b) is true ? "1 = 1" : "1 = 0";
        }
        else
        {
            throw Unsupported(b, "compare a stored property with a value or another stored property");
        }

        if (_finder!.Uses(valueSide))
        {
            throw Unsupported(valueSide, "compare with a value computed outside the record");
        }

        var value = ValueEvaluator.Evaluate(valueSide);
        if (value is null)
        {
            return op switch
            {
                ExpressionType.Equal => $"{column.QuotedColumn} IS NULL",
                ExpressionType.NotEqual => $"{column.QuotedColumn} IS NOT NULL",
                // As in C#: an ordering comparison with null is false.
                _ => "1 = 0",
            };
        }

        var parameter = parameters.Add(dialect.ToDb(value));
        return op == ExpressionType.NotEqual && column.Nullable
            // C# says null != value; SQL's NULL <> value is unknown, so say it.
            ? $"({column.QuotedColumn} <> {parameter} OR {column.QuotedColumn} IS NULL)"
            : $"{column.QuotedColumn} {Operator(op)} {parameter}";
    }

    private string Method(MethodCallExpression call)
    {
        var method = call.Method;
        if (method.DeclaringType == typeof(string) && call.Object is not null && call.Arguments.Count == 1
            && call.Arguments[0].Type == typeof(string) && method.Name is "StartsWith" or "EndsWith" or "Contains")
        {
            var column = ColumnOf(call.Object) ?? throw Unsupported(call, "call StartsWith/Contains/EndsWith on a stored string property");
            var value = EvaluateValue(call.Arguments[0]) as string;
            if (value is null)
            {
                return "1 = 0";
            }

            var pattern = method.Name switch
            {
                "StartsWith" => EscapeLike(value) + "%",
                "EndsWith" => "%" + EscapeLike(value),
                _ => "%" + EscapeLike(value) + "%",
            };
            return $"{column.QuotedColumn} LIKE {parameters.Add(pattern)} ESCAPE '\\'";
        }

        if (method.DeclaringType == typeof(Text) && method.Name == nameof(Text.Matches))
        {
            var column = ColumnOf(call.Arguments[0]);
            if (column?.FoldedColumn is null)
            {
                throw Unsupported(call, "use Text.Matches on a property marked [Searchable]");
            }

            var query = EvaluateValue(call.Arguments[1]) as string ?? "";
            return $"{SqlDialect.Quote(column.FoldedColumn)} LIKE {parameters.Add("%" + EscapeLike(Text.Fold(query)) + "%")} ESCAPE '\\'";
        }

        if (method.DeclaringType == typeof(string) && method.Name is nameof(string.IsNullOrEmpty) && ColumnOf(call.Arguments[0]) is { } empty)
        {
            return $"({empty.QuotedColumn} IS NULL OR {empty.QuotedColumn} = '')";
        }

        if (method.Name == "Contains")
        {
            // Enumerable.Contains(values, x.P), MemoryExtensions.Contains(span(values), x.P) (C# 14
            // binds array.Contains there) and list.Contains(x.P).
            Expression? source = null;
            Expression? item = null;
            if (method.IsStatic && call.Arguments.Count >= 2 && (method.DeclaringType == typeof(Enumerable) || method.DeclaringType == typeof(MemoryExtensions)))
            {
                source = UnwrapSpan(call.Arguments[0]);
                item = call.Arguments[1];
                if (call.Arguments.Count == 3 && !(call.Arguments[2] is ConstantExpression { Value: null }))
                {
                    throw Unsupported(call, "use Contains without a comparer");
                }
            }
            else if (!method.IsStatic && call.Object is not null && call.Arguments.Count == 1 && typeof(IEnumerable).IsAssignableFrom(call.Object.Type))
            {
                source = call.Object;
                item = call.Arguments[0];
            }

            if (source is not null && item is not null && ColumnOf(item) is { } column && !_finder!.Uses(source))
            {
                var values = ValueEvaluator.Evaluate(source) as IEnumerable ?? Array.Empty<object>();
                var names = new List<string>();
                var hasNull = false;
                foreach (var value in values)
                {
                    if (value is null)
                    {
                        hasNull = true;
                    }
                    else
                    {
                        names.Add(parameters.Add(dialect.ToDb(value)));
                    }
                }

                var inList = names.Count == 0 ? "1 = 0" : $"{column.QuotedColumn} IN ({string.Join(", ", names)})";
                return hasNull ? $"({inList} OR {column.QuotedColumn} IS NULL)" : inList;
            }
        }

        throw Unsupported(call, "use StartsWith/Contains/EndsWith on a string property, values.Contains(x.Property) or Text.Matches");
    }

    private static Expression UnwrapSpan(Expression e) => e switch
    {
        MethodCallExpression { Method.Name: "op_Implicit", Arguments.Count: 1 } implicitCall => implicitCall.Arguments[0],
        UnaryExpression { NodeType: ExpressionType.Convert, Method.Name: "op_Implicit" } convert => convert.Operand,
        _ => e,
    };

    private object? EvaluateValue(Expression e) =>
        _finder!.Uses(e) ? throw Unsupported(e, "pass a value computed outside the record") : ValueEvaluator.Evaluate(e);

    /// <summary>The stored column an expression reads (through conversions), or null when it is not x.Prop.</summary>
    private ColumnMap? ColumnOf(Expression e)
    {
        while (e is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } u)
        {
            e = u.Operand;
        }

        if (e is not MemberExpression { Member: PropertyInfo property } member)
        {
            return null;
        }

        var target = member.Expression;
        while (target is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.TypeAs } cast)
        {
            target = cast.Operand;
        }

        if (target != _record)
        {
            return null;
        }

        return map.ColumnFor(property) ?? throw Unsupported(e, $"'{property.Name}' is not stored; use a stored property");
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static string Operator(ExpressionType type) => type switch
    {
        ExpressionType.Equal => "=",
        ExpressionType.NotEqual => "<>",
        ExpressionType.LessThan => "<",
        ExpressionType.LessThanOrEqual => "<=",
        ExpressionType.GreaterThan => ">",
        _ => ">=",
    };

    private static ExpressionType Flip(ExpressionType type) => type switch
    {
        ExpressionType.LessThan => ExpressionType.GreaterThan,
        ExpressionType.LessThanOrEqual => ExpressionType.GreaterThanOrEqual,
        ExpressionType.GreaterThan => ExpressionType.LessThan,
        ExpressionType.GreaterThanOrEqual => ExpressionType.LessThanOrEqual,
        _ => type,
    };

    private NotSupportedException Unsupported(Expression part, string hint) =>
        new($"The store cannot translate '{part}' in the specification of {map.Type.Name} ('{_lambda}'): {hint}.");
}
