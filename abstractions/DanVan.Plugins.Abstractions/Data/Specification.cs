using System.Linq.Expressions;

namespace DanVan.Plugins.Data;

/// <summary>
/// What to read: criteria (AND-ed), ordering, paging and includes, evaluated by the runtime into
/// SQL. Build one inline (<c>new Specification&lt;T&gt;().Where(…).OrderBy(…)</c>) or derive a
/// named one and call the methods in its constructor. Criteria may use comparisons, <c>&amp;&amp;</c>,
/// <c>||</c>, <c>!</c>, null checks, bool properties, <c>string.StartsWith/Contains/EndsWith</c>,
/// <c>list.Contains(x.Prop)</c> (IN), <see cref="Text.Matches"/> and captured variables; anything
/// else fails with <see cref="NotSupportedException"/> when the specification is evaluated.
/// </summary>
/// <typeparam name="T">A class marked with <see cref="RecordAttribute"/>.</typeparam>
public class Specification<T>
    where T : class
{
    private readonly List<Expression<Func<T, bool>>> _criteria = [];
    private readonly List<Ordering> _orderings = [];
    private readonly List<Include> _includes = [];

    /// <summary>The criteria, all of which a record must meet.</summary>
    public IReadOnlyList<Expression<Func<T, bool>>> Criteria => _criteria;

    /// <summary>The ORDER BY terms, first first.</summary>
    public IReadOnlyList<Ordering> Orderings => _orderings;

    /// <summary>The related records to load.</summary>
    public IReadOnlyList<Include> Includes => _includes;

    /// <summary>Records to skip, or null.</summary>
    public int? SkipCount { get; private set; }

    /// <summary>Most records to return, or null for all.</summary>
    public int? TakeCount { get; private set; }

    /// <summary>Adds a criterion (AND-ed with the others).</summary>
    public Specification<T> Where(Expression<Func<T, bool>> criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        _criteria.Add(criterion);
        return this;
    }

    /// <summary>Orders by a property, smallest first; replaces earlier ordering.</summary>
    public Specification<T> OrderBy<TKey>(Expression<Func<T, TKey>> key) => Order(key, descending: false, then: false);

    /// <summary>Orders by a property, largest first; replaces earlier ordering.</summary>
    public Specification<T> OrderByDescending<TKey>(Expression<Func<T, TKey>> key) => Order(key, descending: true, then: false);

    /// <summary>Then by a property, smallest first.</summary>
    public Specification<T> ThenBy<TKey>(Expression<Func<T, TKey>> key) => Order(key, descending: false, then: true);

    /// <summary>Then by a property, largest first.</summary>
    public Specification<T> ThenByDescending<TKey>(Expression<Func<T, TKey>> key) => Order(key, descending: true, then: true);

    /// <summary>Skips the first <paramref name="count"/> records (after ordering).</summary>
    public Specification<T> Skip(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        SkipCount = count;
        return this;
    }

    /// <summary>Returns at most <paramref name="count"/> records.</summary>
    public Specification<T> Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        TakeCount = count;
        return this;
    }

    /// <summary>Page <paramref name="page"/> (1-based) of <paramref name="size"/> records.</summary>
    public Specification<T> Page(int page, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(page);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        return Skip((page - 1) * size).Take(size);
    }

    /// <summary>
    /// Fills <paramref name="navigation"/> (a list property, not stored) with the child records whose
    /// <paramref name="foreignKey"/> equals each loaded record's key.
    /// </summary>
    public Specification<T> IncludeMany<TChild>(Expression<Func<T, IEnumerable<TChild>?>> navigation, Expression<Func<TChild, object?>> foreignKey)
        where TChild : class
    {
        ArgumentNullException.ThrowIfNull(navigation);
        ArgumentNullException.ThrowIfNull(foreignKey);
        _includes.Add(new Include(typeof(TChild), navigation, foreignKey, many: true));
        return this;
    }

    /// <summary>Fills <paramref name="navigation"/> with the record whose key equals the loaded record's <paramref name="foreignKey"/>.</summary>
    public Specification<T> IncludeOne<TRelated>(Expression<Func<T, TRelated?>> navigation, Expression<Func<T, object?>> foreignKey)
        where TRelated : class
    {
        ArgumentNullException.ThrowIfNull(navigation);
        ArgumentNullException.ThrowIfNull(foreignKey);
        _includes.Add(new Include(typeof(TRelated), navigation, foreignKey, many: false));
        return this;
    }

    private Specification<T> Order(LambdaExpression key, bool descending, bool then)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!then)
        {
            _orderings.Clear();
        }
        else if (_orderings.Count == 0)
        {
            throw new InvalidOperationException("ThenBy needs an OrderBy first.");
        }

        _orderings.Add(new Ordering(key, descending));
        return this;
    }
}
