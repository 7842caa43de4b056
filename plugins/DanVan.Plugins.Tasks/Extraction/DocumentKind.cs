namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>Loại văn bản (NĐ 30/2020 Art. 7, plus the Party's own kinds that share names).</summary>
internal enum DocumentKind
{
    Unknown = 0,
    Directive,      // Chỉ thị
    OfficialLetter, // Công văn
    Plan,           // Kế hoạch
    Decision,       // Quyết định
    Resolution,     // Nghị quyết
    Notice,         // Thông báo
    Guidance,       // Hướng dẫn
    Program,        // Chương trình
    Report,         // Báo cáo
    Dispatch,       // Công điện
    Conclusion,     // Kết luận
}
