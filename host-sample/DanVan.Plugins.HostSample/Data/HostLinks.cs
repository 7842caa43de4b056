using DanVan.Plugins.Contracts.Host.V1;

namespace DanVan.Plugins.HostSample.Data;

/// <summary>Deep links into the sample e-office's web shell (never carrying a credential).</summary>
internal sealed class HostLinks(Uri webBase)
{
    public const string DocumentPath = "/van-ban/";
    public const string AttachmentPath = "/tep-dinh-kem/";
    public const string OrgUnitPath = "/don-vi/";

    public Uri WebBase { get; } = webBase;

    public DeepLink Document(string id, string title) => Link(DocumentPath, id, title);

    public DeepLink Attachment(string id, string title) => Link(AttachmentPath, id, title);

    public DeepLink OrgUnit(string id, string title) => Link(OrgUnitPath, id, title);

    private DeepLink Link(string path, string id, string title) =>
        new() { Url = new Uri(WebBase, path + Uri.EscapeDataString(id)).AbsoluteUri, Title = title };
}
