using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace DanVan.Plugins.Storage.Records;

/// <summary>
/// Evaluates the parts of a plugin's expression that do not involve the record (captured
/// variables, constants, constructors, method calls on them) by walking the tree and calling
/// FieldInfo/PropertyInfo/MethodInfo by reflection. Never Expression.Compile: the framework's
/// LINQ interpreter caches the FieldInfos it loads in a static dictionary, which would keep the
/// plugin's context alive forever (platform notes §4).
/// </summary>
internal static class ValueEvaluator
{
    public static object? Evaluate(Expression expression) => expression switch
    {
        ConstantExpression c => c.Value,
        MemberExpression m => Member(m),
        UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } u => u.Method is { } op
            ? Invoke(op, null, [Evaluate(u.Operand)])
            : ConvertTo(Evaluate(u.Operand), u.Type),
        UnaryExpression { NodeType: ExpressionType.ArrayLength } u => ((Array)Evaluate(u.Operand)!).Length,
        UnaryExpression { NodeType: ExpressionType.Quote } u => u.Operand,
        MethodCallExpression call => Invoke(call.Method, call.Object is null ? null : Evaluate(call.Object), call.Arguments.Select(Evaluate).ToArray()),
        NewExpression n when n.Constructor is not null => n.Constructor.Invoke(n.Arguments.Select(Evaluate).ToArray()),
        NewExpression n => Activator.CreateInstance(n.Type),
        NewArrayExpression { NodeType: ExpressionType.NewArrayInit } a => NewArray(a),
        ListInitExpression l => ListInit(l),
        BinaryExpression { Method: { } op } b => Invoke(op, null, [Evaluate(b.Left), Evaluate(b.Right)]),
        BinaryExpression { NodeType: ExpressionType.Coalesce } b => Evaluate(b.Left) ?? Evaluate(b.Right),
        BinaryExpression { NodeType: ExpressionType.ArrayIndex } b => ((Array)Evaluate(b.Left)!).GetValue(Convert.ToInt64(Evaluate(b.Right), CultureInfo.InvariantCulture)),
        ConditionalExpression c => Evaluate(c.Test) is true ? Evaluate(c.IfTrue) : Evaluate(c.IfFalse),
        _ => throw new NotSupportedException($"The value '{expression}' cannot be evaluated by the store ({expression.NodeType}); compute it into a local variable before the query."),
    };

    private static object? Member(MemberExpression m)
    {
        var target = m.Expression is null ? null : Evaluate(m.Expression);
        return m.Member switch
        {
            FieldInfo field => field.GetValue(target),
            PropertyInfo property => property.GetValue(target),
            _ => throw new NotSupportedException($"The member '{m.Member.Name}' cannot be evaluated by the store."),
        };
    }

    private static object? Invoke(MethodInfo method, object? target, object?[] arguments)
    {
        try
        {
            return method.Invoke(target, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    private static Array NewArray(NewArrayExpression a)
    {
        var array = Array.CreateInstance(a.Type.GetElementType()!, a.Expressions.Count);
        for (var i = 0; i < a.Expressions.Count; i++)
        {
            array.SetValue(Evaluate(a.Expressions[i]), i);
        }

        return array;
    }

    private static object? ListInit(ListInitExpression l)
    {
        var list = Evaluate(l.NewExpression);
        foreach (var init in l.Initializers)
        {
            Invoke(init.AddMethod, list, init.Arguments.Select(Evaluate).ToArray());
        }

        return list;
    }

    public static object? ConvertTo(object? value, Type type)
    {
        if (value is null)
        {
            return null;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsInstanceOfType(value))
        {
            return value;
        }

        if (target.IsEnum)
        {
            return Enum.ToObject(target, value);
        }

        return value is IConvertible && typeof(IConvertible).IsAssignableFrom(target)
            ? Convert.ChangeType(value, target, CultureInfo.InvariantCulture)
            : value;
    }
}
