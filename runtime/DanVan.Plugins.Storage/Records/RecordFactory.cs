namespace DanVan.Plugins.Storage.Records;

/// <summary>Makes records of one type; an instance per record map, so nothing static refers to plugin types.</summary>
internal interface IRecordFactory
{
    object Create();
}

/// <summary>The typed factory behind <see cref="IRecordFactory"/>.</summary>
internal sealed class RecordFactory<T> : IRecordFactory
    where T : class, new()
{
    public object Create() => new T();
}
