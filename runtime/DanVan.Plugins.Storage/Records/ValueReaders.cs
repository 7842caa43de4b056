using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace DanVan.Plugins.Storage.Records;

/// <summary>
/// Typed column readers (no boxing on the hot path) for the CLR types a record may hold, in the
/// representation each database stores. Delegates over a plugin's enum types are built per
/// record map, never kept in a static field, so they go with the plugin.
/// </summary>
internal static class ValueReaders
{
    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    /// <summary>True when <paramref name="type"/> is a type a column can hold.</summary>
    public static bool IsStorable(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsEnum || t == typeof(string) || t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(bool)
            || t == typeof(Guid) || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset)
            || t == typeof(decimal) || t == typeof(double);
    }

    public static Func<DbDataReader, int, TValue> For<TValue>(bool sqlite)
    {
        var type = typeof(TValue);
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            var method = typeof(ValueReaders).GetMethod(nameof(NullableOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(inner);
            return (Func<DbDataReader, int, TValue>)method.Invoke(null, [sqlite])!;
        }

        if (type.IsEnum)
        {
            var method = typeof(ValueReaders).GetMethod(nameof(EnumOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(type);
            return (Func<DbDataReader, int, TValue>)method.Invoke(null, null)!;
        }

        return (Func<DbDataReader, int, TValue>)Plain(type, sqlite);
    }

    private static Delegate Plain(Type type, bool sqlite)
    {
        if (type == typeof(string))
        {
            return (Func<DbDataReader, int, string?>)(static (r, i) => r.IsDBNull(i) ? null : r.GetString(i));
        }

        if (type == typeof(int))
        {
            return (Func<DbDataReader, int, int>)(static (r, i) => r.GetInt32(i));
        }

        if (type == typeof(long))
        {
            return (Func<DbDataReader, int, long>)(static (r, i) => r.GetInt64(i));
        }

        if (type == typeof(short))
        {
            return (Func<DbDataReader, int, short>)(static (r, i) => r.GetInt16(i));
        }

        if (type == typeof(bool))
        {
            return (Func<DbDataReader, int, bool>)(static (r, i) => r.GetBoolean(i));
        }

        if (type == typeof(decimal))
        {
            return (Func<DbDataReader, int, decimal>)(static (r, i) => r.GetDecimal(i));
        }

        if (type == typeof(double))
        {
            return (Func<DbDataReader, int, double>)(static (r, i) => r.GetDouble(i));
        }

        if (type == typeof(Guid))
        {
            return sqlite
                ? (Func<DbDataReader, int, Guid>)(static (r, i) => Guid.Parse(r.GetString(i)))
                : (Func<DbDataReader, int, Guid>)(static (r, i) => r.GetGuid(i));
        }

        if (type == typeof(DateOnly))
        {
            return sqlite
                ? (Func<DbDataReader, int, DateOnly>)(static (r, i) => DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture))
                : (Func<DbDataReader, int, DateOnly>)(static (r, i) => r.GetFieldValue<DateOnly>(i));
        }

        if (type == typeof(DateTime))
        {
            return sqlite
                ? (Func<DbDataReader, int, DateTime>)(static (r, i) => DateTime.Parse(r.GetString(i), CultureInfo.InvariantCulture, Utc))
                : (Func<DbDataReader, int, DateTime>)(static (r, i) => r.GetFieldValue<DateTime>(i));
        }

        if (type == typeof(DateTimeOffset))
        {
            return sqlite
                ? (Func<DbDataReader, int, DateTimeOffset>)(static (r, i) => new DateTimeOffset(DateTime.Parse(r.GetString(i), CultureInfo.InvariantCulture, Utc)))
                : (Func<DbDataReader, int, DateTimeOffset>)(static (r, i) => r.GetFieldValue<DateTimeOffset>(i));
        }

        throw new NotSupportedException($"A column cannot hold {type}.");
    }

    private static Func<DbDataReader, int, T?> NullableOf<T>(bool sqlite)
        where T : struct
    {
        var read = For<T>(sqlite);
        return (r, i) => r.IsDBNull(i) ? null : read(r, i);
    }

    private static Func<DbDataReader, int, TEnum> EnumOf<TEnum>()
        where TEnum : struct, Enum =>
        static (r, i) =>
        {
            var value = r.GetInt64(i);
            switch (Unsafe.SizeOf<TEnum>())
            {
                case 1:
                    var b = (byte)value;
                    return Unsafe.As<byte, TEnum>(ref b);
                case 2:
                    var s = (short)value;
                    return Unsafe.As<short, TEnum>(ref s);
                case 4:
                    var n = (int)value;
                    return Unsafe.As<int, TEnum>(ref n);
                default:
                    return Unsafe.As<long, TEnum>(ref value);
            }
        };

    /// <summary>Lenient conversion of whatever a raw query returns (roll-ups: counts, sums) to a property's type.</summary>
    public static object? Convert(object? value, Type type)
    {
        if (value is null or DBNull)
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
            return value is string name ? Enum.Parse(target, name) : Enum.ToObject(target, System.Convert.ToInt64(value, CultureInfo.InvariantCulture));
        }

        return target switch
        {
            _ when target == typeof(Guid) => Guid.Parse(value.ToString()!),
            _ when target == typeof(DateOnly) => value is DateTime dt ? DateOnly.FromDateTime(dt) : DateOnly.ParseExact(value.ToString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ when target == typeof(DateTime) => value is string s ? DateTime.Parse(s, CultureInfo.InvariantCulture, Utc) : System.Convert.ToDateTime(value, CultureInfo.InvariantCulture),
            _ when target == typeof(DateTimeOffset) => value is DateTime d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : DateTimeOffset.Parse(value.ToString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            _ when target == typeof(bool) => value is string b ? bool.Parse(b) : System.Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
            _ => System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture),
        };
    }
}
