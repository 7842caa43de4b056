namespace DanVan.Plugins.Data;

/// <summary>
/// An update or delete of a record type with <see cref="RecordAttribute.ReasonRequired"/> came
/// without a reason. Nothing was written. Mapped to gRPC INVALID_ARGUMENT with a field violation on
/// <see cref="Field"/>.
/// </summary>
public sealed class ReasonRequiredException(string recordType, string? recordId, string field = "reason")
    : RecordStoreException($"Changing {recordType}/{recordId} needs a reason.", recordType, recordId)
{
    /// <summary>The request field the reason comes from, for the BadRequest field violation.</summary>
    public string Field { get; } = field;

    /// <inheritdoc />
    public override string VietnameseMessage => "Vui lòng nhập lý do thay đổi.";
}
