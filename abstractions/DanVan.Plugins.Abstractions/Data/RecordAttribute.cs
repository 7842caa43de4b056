namespace DanVan.Plugins.Data;

/// <summary>
/// Maps a plain class (public parameterless constructor, public get/set properties) to a table of
/// the plugin. Properties map to snake_case columns unless <see cref="ColumnAttribute"/> says
/// otherwise; properties of types the store cannot hold (lists, other records) are navigations,
/// filled only by <see cref="Specification{T}.IncludeMany{TChild}"/> and <see cref="Specification{T}.IncludeOne{TParent}"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RecordAttribute(string table) : Attribute
{
    /// <summary>The table name inside the plugin's schema, e.g. <c>assignments</c>.</summary>
    public string Table { get; } = table;

    /// <summary>Write an audit row for every insert, update and delete, in the same transaction. Defaults to true (official records).</summary>
    public bool Audited { get; init; } = true;

    /// <summary>Updates and deletes must carry a <see cref="ChangeContext.Reason"/>; without one they fail with <see cref="ReasonRequiredException"/>.</summary>
    public bool ReasonRequired { get; init; }
}
