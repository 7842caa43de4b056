namespace DanVan.Plugins.Tasks.Storage;

/// <summary>Where a request for more time (xin gia hạn) stands.</summary>
public enum ExtensionState
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}
