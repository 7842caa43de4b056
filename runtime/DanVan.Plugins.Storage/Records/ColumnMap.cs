using System.Data.Common;
using System.Reflection;

namespace DanVan.Plugins.Storage.Records;

/// <summary>One stored property of a record type: its column and fast typed access.</summary>
internal abstract class ColumnMap(PropertyInfo property, string column)
{
    public PropertyInfo Property { get; } = property;

    public string Column { get; } = column;

    public string QuotedColumn { get; } = Sql.SqlDialect.Quote(column);

    public bool IsKey { get; init; }

    public bool IsVersion { get; init; }

    /// <summary>The folded shadow column of a searchable string, or null.</summary>
    public string? FoldedColumn { get; init; }

    public bool Nullable => !Property.PropertyType.IsValueType || System.Nullable.GetUnderlyingType(Property.PropertyType) is not null;

    public Type ValueType => System.Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType;

    public abstract object? Get(object record);

    public abstract void Set(object record, object? value);

    /// <summary>Reads the column at <paramref name="ordinal"/> into the record (typed, no boxing).</summary>
    public abstract void ReadInto(object record, DbDataReader reader, int ordinal);

    public static ColumnMap Create(Type recordType, PropertyInfo property, string column, bool sqlite, bool isKey, bool isVersion, string? folded)
    {
        var type = typeof(ColumnMap<,>).MakeGenericType(recordType, property.PropertyType);
        return (ColumnMap)Activator.CreateInstance(type, property, column, sqlite, isKey, isVersion, folded)!;
    }
}

/// <summary>Typed access through delegates bound to the property's accessors (no reflection per row, no compiled expressions).</summary>
internal sealed class ColumnMap<TRecord, TValue> : ColumnMap
    where TRecord : class
{
    private readonly Func<TRecord, TValue> _get;
    private readonly Action<TRecord, TValue>? _set;
    private readonly Func<DbDataReader, int, TValue> _read;

    public ColumnMap(PropertyInfo property, string column, bool sqlite, bool isKey, bool isVersion, string? folded)
        : base(property, column)
    {
        IsKey = isKey;
        IsVersion = isVersion;
        FoldedColumn = folded;
        _get = property.GetGetMethod(nonPublic: true)!.CreateDelegate<Func<TRecord, TValue>>();
        _set = property.GetSetMethod(nonPublic: true)?.CreateDelegate<Action<TRecord, TValue>>();
        _read = ValueReaders.For<TValue>(sqlite);
    }

    public override object? Get(object record) => _get((TRecord)record);

    public override void Set(object record, object? value) => Setter()((TRecord)record, (TValue)ValueReaders.Convert(value, typeof(TValue))!);

    public override void ReadInto(object record, DbDataReader reader, int ordinal) => Setter()((TRecord)record, _read(reader, ordinal));

    private Action<TRecord, TValue> Setter() => _set ?? throw new InvalidOperationException($"{typeof(TRecord).Name}.{Property.Name} has no setter; the store cannot fill it.");
}
