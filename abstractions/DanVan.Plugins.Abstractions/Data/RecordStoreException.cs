namespace DanVan.Plugins.Data;

/// <summary>A write the store refused; the runtime turns each kind into a gRPC status with a Vietnamese message.</summary>
public abstract class RecordStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected RecordStoreException(string message, string recordType, string? recordId)
        : base(message)
    {
        RecordType = recordType;
        RecordId = recordId;
    }

    /// <summary>The record's table name.</summary>
    public string RecordType { get; }

    /// <summary>The record's key as text, when known.</summary>
    public string? RecordId { get; }

    /// <summary>What to show the officer, in Vietnamese.</summary>
    public abstract string VietnameseMessage { get; }
}
