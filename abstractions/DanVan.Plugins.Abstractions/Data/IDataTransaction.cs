namespace DanVan.Plugins.Data;

/// <summary>
/// A unit of work: reads and writes that commit together or not at all. Disposing without
/// <see cref="CommitAsync"/> rolls everything back, audit rows included.
/// </summary>
public interface IDataTransaction : IRecordReader, IRecordWriter, IAsyncDisposable
{
    /// <summary>Makes every write of the unit of work durable at once.</summary>
    Task CommitAsync(CancellationToken cancellationToken = default);
}
