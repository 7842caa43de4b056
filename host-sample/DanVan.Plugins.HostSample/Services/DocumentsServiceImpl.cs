using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.HostSample.Data;
using DanVan.Plugins.HostSample.Paging;
using DanVan.Plugins.HostSample.Text;
using Google.Protobuf;

namespace DanVan.Plugins.HostSample.Services;

/// <summary>danvan.host.v1.DocumentsService over the seeded documents and their files.</summary>
internal sealed class DocumentsServiceImpl(HostStore store, DocumentAccess access) : DocumentsService.DocumentsServiceBase
{
    private const int DefaultPageSize = 50;
    private const int ChunkSize = 64 * 1024;

    public override Task<GetDocumentResponse> GetDocument(GetDocumentRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.DocumentId, "document_id");
        var user = access.ActingUser(request.ActingUserId);
        var found = Require.Found(store.FindDocument(id), "văn bản", id);
        access.Demand(user, found);
        return Task.FromResult(new GetDocumentResponse { Document = View(found.Document, request.View == DocumentView.Basic) });
    }

    public override Task<ListDocumentsResponse> ListDocuments(ListDocumentsRequest request, ServerCallContext context)
    {
        var from = CivilDates.Read(request.IssuedFrom, "issued_from");
        var to = CivilDates.Read(request.IssuedTo, "issued_to");
        if (from > to)
        {
            throw RichStatus.InvalidArgument("issued_from sau issued_to.",
                ("issued_from", "issued_from phải trước hoặc bằng issued_to."), ("issued_to", "issued_to phải sau hoặc bằng issued_from."));
        }

        if (request.IssuerOrgUnitId.Length > 0)
        {
            Require.Found(store.FindUnit(request.IssuerOrgUnitId), "đơn vị ban hành", request.IssuerOrgUnitId);
        }

        if (request.RecipientOrgUnitId.Length > 0)
        {
            Require.Found(store.FindUnit(request.RecipientOrgUnitId), "đơn vị nhận", request.RecipientOrgUnitId);
        }

        var user = access.ActingUser(request.ActingUserId);
        var query = VietnameseText.Fold(request.Query);
        var updatedAfter = request.UpdatedAfter?.ToDateTimeOffset();
        var documents = store.Documents
            .Where(s => access.MaySee(user, s))
            .Where(s => request.IncludeRevoked || s.Document.Status is not (DocumentStatus.Revoked or DocumentStatus.Replaced))
            .Where(s => request.Direction == DocumentDirection.Unspecified || s.Document.Direction == request.Direction)
            .Where(s => request.Kinds.Count == 0 || request.Kinds.Contains(s.Document.Kind))
            .Where(s => request.IssuerOrgUnitId.Length == 0 || s.Document.IssuerOrgUnitId == request.IssuerOrgUnitId)
            .Where(s => request.RecipientOrgUnitId.Length == 0 || IsRecipient(s, request.RecipientOrgUnitId))
            .Where(s => from is null || (CivilDates.Of(s.Document.IssueDate) is { } d && d >= from))
            .Where(s => to is null || (CivilDates.Of(s.Document.IssueDate) is { } d && d <= to))
            .Where(s => updatedAfter is null || s.Document.UpdateTime.ToDateTimeOffset() > updatedAfter)
            .Where(s => query.Length == 0 || new[] { s.Document.Subject, s.Document.CodeAsPrinted, s.Document.IssuerName }
                .Any(f => VietnameseText.Fold(f).Contains(query, StringComparison.Ordinal)))
            .Select(s => s.Document)
            .OrderByDescending(d => CivilDates.Of(d.IssueDate) ?? DateOnly.MinValue)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

        var filters = request.Clone();
        filters.PageSize = 0;
        filters.PageToken = "";
        var page = Page<Document>.Of(documents, request.PageSize, request.PageToken, DefaultPageSize, filters);
        var response = new ListDocumentsResponse { NextPageToken = page.NextPageToken, TotalSize = page.TotalSize };
        response.Documents.AddRange(page.Items.Select(d => View(d, request.View != DocumentView.Full)));
        return Task.FromResult(response);
    }

    public override Task<GetAttachmentResponse> GetAttachment(GetAttachmentRequest request, ServerCallContext context)
    {
        var (attachment, _) = FindAttachment(request.AttachmentId, request.ActingUserId);
        return Task.FromResult(new GetAttachmentResponse { Attachment = attachment });
    }

    public override async Task StreamAttachmentContent(StreamAttachmentContentRequest request, IServerStreamWriter<StreamAttachmentContentResponse> responseStream, ServerCallContext context)
    {
        if (request.Offset < 0)
        {
            throw RichStatus.InvalidArgument("offset không được âm.", ("offset", "offset phải lớn hơn hoặc bằng 0."));
        }

        var (_, content) = FindAttachment(request.AttachmentId, request.ActingUserId);
        if (request.Offset > content.Length)
        {
            throw new RpcException(new Status(StatusCode.OutOfRange, $"offset {request.Offset} vượt quá kích thước tệp ({content.Length} byte)."));
        }

        for (var offset = (int)request.Offset; offset < content.Length; offset += ChunkSize)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var length = Math.Min(ChunkSize, content.Length - offset);
            await responseStream.WriteAsync(new StreamAttachmentContentResponse
            {
                Data = ByteString.CopyFrom(content, offset, length),
                Offset = offset,
                TotalSizeBytes = content.Length,
            });
        }
    }

    public override Task<GetDeepLinkResponse> GetDeepLink(GetDeepLinkRequest request, ServerCallContext context)
    {
        if (request.ViewerUserId.Length > 0)
        {
            Require.Found(store.FindUser(request.ViewerUserId), "người dùng", request.ViewerUserId);
        }

        var link = request.TargetCase switch
        {
            GetDeepLinkRequest.TargetOneofCase.DocumentId =>
                Require.Found(store.FindDocument(Require.Id(request.DocumentId, "document_id")), "văn bản", request.DocumentId).Document.DeepLink,
            GetDeepLinkRequest.TargetOneofCase.AttachmentId => AttachmentLink(Require.Id(request.AttachmentId, "attachment_id")),
            GetDeepLinkRequest.TargetOneofCase.OrgUnitId =>
                Require.Found(store.FindUnit(Require.Id(request.OrgUnitId, "org_unit_id")), "đơn vị", request.OrgUnitId).DeepLink,
            _ => throw RichStatus.InvalidArgument("Cần đúng một đối tượng đích.", ("target", "Đặt một trong document_id, attachment_id, org_unit_id.")),
        };
        return Task.FromResult(new GetDeepLinkResponse { DeepLink = link });
    }

    private DeepLink AttachmentLink(string id)
    {
        var found = store.FindAttachment(id) ?? throw new RpcException(new Status(StatusCode.NotFound, $"Không tìm thấy tệp đính kèm có mã \"{id}\"."));
        return store.Links.Attachment(id, found.Attachment.FileName);
    }

    private (Attachment Attachment, byte[] Content) FindAttachment(string attachmentId, string actingUserId)
    {
        var id = Require.Id(attachmentId, "attachment_id");
        var user = access.ActingUser(actingUserId);
        var found = store.FindAttachment(id) ?? throw new RpcException(new Status(StatusCode.NotFound, $"Không tìm thấy tệp đính kèm có mã \"{id}\"."));
        access.Demand(user, store.FindDocument(found.Attachment.DocumentId)!);
        return found;
    }

    private static bool IsRecipient(SeedDocument seed, string unitId) =>
        seed.ReceivedBy.Contains(unitId)
        || seed.Document.Addressees.Any(r => r.OrgUnitId == unitId)
        || seed.Document.Recipients.Any(r => r.OrgUnitId == unitId);

    private static Document View(Document document, bool basic)
    {
        if (!basic)
        {
            return document;
        }

        var copy = document.Clone();
        copy.FullText = "";
        return copy;
    }
}
