using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Tasks.Progress;

/// <summary>
/// Checks each piece of evidence before a report is saved: documents and attachments are read from the
/// e-office as the reporting officer (so only what they may see can be cited) and get the host's title;
/// links must be absolute http(s) URLs. A refusal names the line (Field "evidence[i]"); an unreachable
/// host propagates as RpcException (nothing saved).
/// </summary>
internal sealed class EvidenceValidator(DocumentsService.DocumentsServiceClient? documents)
{
    public const int MaxEvidence = 20;
    private const int MaxReference = 2000;

    public async Task<IReadOnlyList<Evidence>> ValidateAsync(string userId, IReadOnlyList<Evidence> evidence, CancellationToken cancellationToken)
    {
        if (evidence.Count > MaxEvidence)
        {
            throw new TasksException(TasksError.InvalidArgument, $"Mỗi báo cáo có tối đa {MaxEvidence} minh chứng.", "evidence");
        }

        var checkedEvidence = new List<Evidence>(evidence.Count);
        for (var i = 0; i < evidence.Count; i++)
        {
            checkedEvidence.Add(await CheckAsync(userId, evidence[i], $"evidence[{i}]", i + 1, cancellationToken).ConfigureAwait(false));
        }

        return checkedEvidence;
    }

    private async Task<Evidence> CheckAsync(string userId, Evidence item, string field, int line, CancellationToken cancellationToken)
    {
        var reference = (item.Reference ?? string.Empty).Trim();
        var title = (item.Title ?? string.Empty).Trim();
        if (reference.Length is 0 or > MaxReference)
        {
            throw new TasksException(TasksError.InvalidArgument, $"Minh chứng thứ {line} để trống hoặc quá dài.", field);
        }

        switch (item.Kind)
        {
            case EvidenceKind.Link:
                if (!Uri.TryCreate(reference, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    throw new TasksException(TasksError.InvalidArgument, $"Minh chứng thứ {line} (“{reference}”) không phải đường dẫn http(s) hợp lệ.", field);
                }

                return new Evidence(EvidenceKind.Link, uri.AbsoluteUri, title.Length > 0 ? title : uri.AbsoluteUri);
            case EvidenceKind.Document:
            {
                var document = await ReadAsync(userId, reference, line, field, cancellationToken).ConfigureAwait(false);
                return new Evidence(EvidenceKind.Document, reference, title.Length > 0 ? title : TitleOf(document));
            }

            case EvidenceKind.Attachment:
            {
                var slash = reference.IndexOf('/', StringComparison.Ordinal);
                if (slash <= 0 || slash == reference.Length - 1)
                {
                    throw new TasksException(TasksError.InvalidArgument, $"Minh chứng thứ {line}: tệp đính kèm phải ghi dạng “mã văn bản/mã tệp”.", field);
                }

                var document = await ReadAsync(userId, reference[..slash], line, field, cancellationToken).ConfigureAwait(false);
                var attachmentId = reference[(slash + 1)..];
                var attachment = document.Attachments.FirstOrDefault(a => a.Id == attachmentId)
                    ?? throw new TasksException(TasksError.InvalidArgument, $"Minh chứng thứ {line}: văn bản “{reference[..slash]}” không có tệp đính kèm “{attachmentId}”.", field);
                return new Evidence(EvidenceKind.Attachment, reference, title.Length > 0 ? title : attachment.FileName);
            }

            default:
                throw new TasksException(TasksError.InvalidArgument, $"Minh chứng thứ {line} không rõ loại.", field);
        }
    }

    private async Task<Document> ReadAsync(string userId, string documentId, int line, string field, CancellationToken cancellationToken)
    {
        if (documents is null)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The runtime has no e-office host configured."));
        }

        try
        {
            var request = new GetDocumentRequest { DocumentId = documentId, View = DocumentView.Basic, ActingUserId = userId };
            return (await documents.GetDocumentAsync(request, cancellationToken: cancellationToken).ResponseAsync.ConfigureAwait(false)).Document
                ?? throw new RpcException(new Status(StatusCode.NotFound, documentId));
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            throw new TasksException(TasksError.InvalidArgument, $"Minh chứng thứ {line}: không tìm thấy văn bản “{documentId}” trong hệ thống quản lý văn bản.", field);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.PermissionDenied)
        {
            throw new TasksException(TasksError.InvalidArgument, $"Minh chứng thứ {line}: bạn không có quyền xem văn bản “{documentId}” nên không thể dùng làm minh chứng.", field);
        }
    }

    private static string TitleOf(Document document)
    {
        var code = document.CodeAsPrinted is { Length: > 0 } c ? c : document.Id;
        return document.Subject is { Length: > 0 } subject ? $"{code}: {subject}" : code;
    }
}
