using System.Data.Common;
using System.Reflection;
using System.Text;
using DanVan.Plugins.Data;
using DanVan.Plugins.Storage.Sql;

namespace DanVan.Plugins.Storage.Records;

/// <summary>
/// How one record type maps to its table: columns, key, version, searchable shadows, and the
/// SQL that does not depend on a query. Built once per type per plugin data instance (never in a
/// static cache, so nothing here outlives the plugin).
/// </summary>
internal sealed class RecordMap
{
    private readonly Dictionary<MemberInfo, ColumnMap> _byMember;
    private readonly Dictionary<string, ColumnMap> _byLooseName;
    private readonly Func<object> _create;

    private RecordMap(Type type, string table, string qualifiedTable, RecordAttribute? attribute, List<ColumnMap> columns)
    {
        Type = type;
        Table = table;
        QualifiedTable = qualifiedTable;
        Audited = attribute?.Audited ?? false;
        ReasonRequired = attribute?.ReasonRequired ?? false;
        Columns = columns;
        _create = CreateFactory(type);
        Key = columns.FirstOrDefault(c => c.IsKey);
        Version = columns.FirstOrDefault(c => c.IsVersion);
        _byMember = columns.ToDictionary(c => (MemberInfo)c.Property);
        _byLooseName = new Dictionary<string, ColumnMap>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns)
        {
            _byLooseName.TryAdd(column.Column.Replace("_", "", StringComparison.Ordinal), column);
            _byLooseName.TryAdd(column.Property.Name, column);
        }

        SelectList = string.Join(", ", columns.Select(c => c.QuotedColumn));
        var written = columns.Select(c => c.QuotedColumn).Concat(columns.Where(c => c.FoldedColumn is not null).Select(c => SqlDialect.Quote(c.FoldedColumn!))).ToList();
        InsertColumns = written;
    }

    public Type Type { get; }

    public string Table { get; }

    public string QualifiedTable { get; }

    public bool Audited { get; }

    public bool ReasonRequired { get; }

    public IReadOnlyList<ColumnMap> Columns { get; }

    public ColumnMap? Key { get; }

    public ColumnMap? Version { get; }

    public string SelectList { get; }

    /// <summary>Stored columns then folded shadows, in the order <see cref="WriteValues"/> yields.</summary>
    public IReadOnlyList<string> InsertColumns { get; }

    public ColumnMap RequireKey() => Key ?? throw new InvalidOperationException($"{Type.Name} has no [Key] property.");

    public ColumnMap? ColumnFor(MemberInfo member) => _byMember.GetValueOrDefault(member)
        ?? (member.DeclaringType != Type && Type.GetProperty(member.Name) is { } own ? _byMember.GetValueOrDefault(own) : null);

    public ColumnMap? ColumnByName(string name) => _byLooseName.GetValueOrDefault(name) ?? _byLooseName.GetValueOrDefault(name.Replace("_", "", StringComparison.Ordinal));

    public string RecordId(object record) => KeyText(RequireKey().Get(record));

    public static string KeyText(object? key) => key switch
    {
        null => "",
        Guid g => g.ToString("D"),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => key.ToString() ?? "",
    };

    /// <summary>The values to write, matching <see cref="InsertColumns"/>: each column, then each folded shadow.</summary>
    public void WriteValues(object record, SqlDialect dialect, List<object> values)
    {
        foreach (var column in Columns)
        {
            values.Add(dialect.ToDb(column.Get(record)));
        }

        foreach (var column in Columns)
        {
            if (column.FoldedColumn is not null)
            {
                values.Add(column.Get(record) is string s ? Text.Fold(s) : DBNull.Value);
            }
        }
    }

    /// <summary>Reads one row selected with <see cref="SelectList"/> (columns in order, from <paramref name="offset"/>).</summary>
    public object Read(DbDataReader reader, int offset = 0)
    {
        var record = _create();
        var columns = Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            columns[i].ReadInto(record, reader, offset + i);
        }

        return record;
    }

    public object Create() => _create();

    /// <summary>A typed <c>new T()</c> (much cheaper per row than Activator.CreateInstance(Type)); types without a public parameterless constructor fall back to it.</summary>
    private static Func<object> CreateFactory(Type type)
    {
        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            return () => Activator.CreateInstance(type, nonPublic: true)!;
        }

        var factory = (IRecordFactory)Activator.CreateInstance(typeof(RecordFactory<>).MakeGenericType(type))!;
        return factory.Create;
    }

    public static RecordMap ForRecord(Type type, SqlDialect dialect, string pluginId)
    {
        var attribute = type.GetCustomAttribute<RecordAttribute>()
            ?? throw new InvalidOperationException($"{type.FullName} is not a record: mark it with [Record(\"table\")].");
        var map = new RecordMap(type, attribute.Table, dialect.Table(pluginId, attribute.Table), attribute, Discover(type, dialect));
        if (map.Key is null)
        {
            throw new InvalidOperationException($"{type.FullName} has no [Key] property.");
        }

        if (map.Version is { } version && version.Property.PropertyType != typeof(long))
        {
            throw new InvalidOperationException($"{type.FullName}.{version.Property.Name}: [ConcurrencyVersion] must be a long.");
        }

        return map;
    }

    /// <summary>A row type of a raw query: every settable storable property, matched to columns by name.</summary>
    public static RecordMap ForRow(Type type, SqlDialect dialect) => new(type, "", "", null, Discover(type, dialect));

    private static List<ColumnMap> Discover(Type type, SqlDialect dialect)
    {
        var columns = new List<ColumnMap>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null || property.GetCustomAttribute<NotStoredAttribute>() is not null || !ValueReaders.IsStorable(property.PropertyType))
            {
                continue;
            }

            var name = property.GetCustomAttribute<ColumnAttribute>()?.Name ?? SnakeCase(property.Name);
            SqlDialect.CheckName(name);
            var searchable = property.GetCustomAttribute<SearchableAttribute>() is not null;
            if (searchable && property.PropertyType != typeof(string))
            {
                throw new InvalidOperationException($"{type.FullName}.{property.Name}: [Searchable] applies to strings only.");
            }

            columns.Add(ColumnMap.Create(
                type,
                property,
                name,
                dialect.Kind == DataDialect.Sqlite,
                property.GetCustomAttribute<KeyAttribute>() is not null,
                property.GetCustomAttribute<ConcurrencyVersionAttribute>() is not null,
                searchable ? name + "_folded" : null));
        }

        return columns;
    }

    public static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
