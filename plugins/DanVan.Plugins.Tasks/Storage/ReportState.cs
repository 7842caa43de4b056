namespace DanVan.Plugins.Tasks.Storage;

/// <summary>Where a progress report stands with the managing unit.</summary>
public enum ReportState
{
    /// <summary>Chờ duyệt.</summary>
    Submitted = 0,

    /// <summary>Đã chấp nhận.</summary>
    Accepted = 1,

    /// <summary>Bị trả lại (with a reason).</summary>
    Returned = 2,
}
