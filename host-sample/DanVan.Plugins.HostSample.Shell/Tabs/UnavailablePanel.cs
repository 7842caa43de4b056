using static DanVan.Plugins.HostSample.Shell.Formatting.Html;

namespace DanVan.Plugins.HostSample.Shell.Tabs;

/// <summary>What an officer sees in place of a tab whose plugin is disabled, upgrading or down.</summary>
internal static class UnavailablePanel
{
    public const string Heading = "Tiện ích tạm thời không khả dụng";

    public static string Fragment(string? detail) =>
        "<div class=\"unavailable\" role=\"status\"><strong>" + Heading + "</strong><p>"
        + E(detail ?? "Tiện ích đang được bảo trì hoặc nâng cấp. Vui lòng thử lại sau ít phút; dữ liệu của bạn không bị ảnh hưởng.")
        + "</p></div>";

    /// <summary>A whole page for the tab's frame.</summary>
    public static string Page(string? detail) =>
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
        + Heading + "</title><style>body{font:15px/1.5 \"Segoe UI\",Roboto,Arial,sans-serif;margin:1rem;color:#1f2933}"
        + ".unavailable{border:1px solid #f0c36d;background:#fff8e6;padding:1rem;border-radius:6px}</style></head><body>"
        + Fragment(detail) + "</body></html>";
}
