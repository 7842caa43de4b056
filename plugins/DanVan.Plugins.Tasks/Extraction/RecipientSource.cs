namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>Where in the document a recipient or addressee is named.</summary>
internal enum RecipientSource
{
    OpeningSentence, // "… yêu cầu Thủ trưởng các sở, ban, ngành …"
    KinhGui,         // "Kính gửi:" list
    NoiNhan,         // "Nơi nhận:" list
    Closing,         // closing paragraph "Thủ trưởng các sở … tổ chức thực hiện …"
}
