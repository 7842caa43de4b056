namespace DanVan.Plugins.Data;

/// <summary>
/// An update or delete carried a stale <see cref="ConcurrencyVersionAttribute"/> value: someone
/// else changed the record first. Nothing was written. Mapped to gRPC ABORTED.
/// </summary>
public sealed class ConcurrencyConflictException(string recordType, string recordId, long expectedVersion, long actualVersion)
    : RecordStoreException($"Record {recordType}/{recordId} is at version {actualVersion}, not {expectedVersion}; reload it and try again.", recordType, recordId)
{
    /// <summary>The message officers see.</summary>
    public const string ConflictMessage = "Bản ghi đã được người khác cập nhật; vui lòng tải lại và thử lại.";

    /// <summary>The version the caller had.</summary>
    public long ExpectedVersion { get; } = expectedVersion;

    /// <summary>The version stored now.</summary>
    public long ActualVersion { get; } = actualVersion;

    /// <inheritdoc />
    public override string VietnameseMessage => ConflictMessage;
}
