namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>How an item is labelled in the text.</summary>
internal enum DraftItemKind
{
    Section,   // "I.", "II." (kế hoạch)
    Numbered,  // "1.", "**1.**", "1)"
    SubNumbered, // "1.1.", "2.3"
    Lettered,  // "a)", "b."
    Dash,      // "- "
    Plus,      // "+ "
    Bullet,    // "• ", "* "
    Closing,   // the closing paragraph(s) after the items: "Thủ trưởng các sở … tổ chức thực hiện Chỉ thị này"
}
