namespace DanVan.Plugins.Runtime.Tabs;

/// <summary>How reading a tab token went.</summary>
internal enum TabTokenReadResult
{
    /// <summary>Signed by this runtime and not expired.</summary>
    Valid,
    /// <summary>Signed by this runtime but past its expiry.</summary>
    Expired,
    /// <summary>Malformed, forged, tampered with or signed with another key.</summary>
    Invalid,
}
