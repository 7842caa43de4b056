namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>Why a recipient gets the document: the "(để …)" note of Nơi nhận, or the list it is in.</summary>
internal enum RecipientPurpose
{
    Unspecified = 0,
    Report,        // (để báo cáo), (để b/c)
    Action,        // (để thực hiện), (để t/h), Kính gửi
    Information,   // (để biết)
    Coordination,  // (để phối hợp)
    Supervision,   // (để theo dõi), (để giám sát), (để chỉ đạo)
    AsAbove,       // "Như trên": the Kính gửi list
    Archive,       // "Lưu: VT, …", "CV: …": the issuer's own files
}
