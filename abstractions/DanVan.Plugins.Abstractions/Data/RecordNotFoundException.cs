namespace DanVan.Plugins.Data;

/// <summary>An update or delete named a record that does not exist (any more). Mapped to gRPC NOT_FOUND.</summary>
public sealed class RecordNotFoundException(string recordType, string recordId)
    : RecordStoreException($"Record {recordType}/{recordId} does not exist.", recordType, recordId)
{
    /// <inheritdoc />
    public override string VietnameseMessage => "Không tìm thấy bản ghi; có thể nó đã bị xoá.";
}
