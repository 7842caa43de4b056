using System.Security.Cryptography;
using DanVan.Plugins.Conformance.Infrastructure;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Conformance;

/// <summary>DocumentsService: GetAttachment, StreamAttachmentContent (chunks, resume, ranges) and GetDeepLink.</summary>
public sealed class AttachmentTests(ConformanceHosts hosts) : ConformanceTest(hosts)
{
    [Theory, MemberData(nameof(Targets))]
    public async Task GetAttachment_MatchesTheDocumentsMetadata_AndRefusesBadIds(string target)
    {
        var host = await HostAsync(target);
        var (_, attachment) = await Discovery.DocumentWithAttachmentAsync(host);
        var got = await host.Documents.GetAttachmentAsync(new GetAttachmentRequest { AttachmentId = attachment.Id }, deadline: HostTarget.Deadline);
        Assert.Equal(attachment, got.Attachment);
        await Expect.InvalidArgument(() => host.Documents.GetAttachmentAsync(new GetAttachmentRequest(), deadline: HostTarget.Deadline).ResponseAsync, "attachment_id", "GetAttachment without an id");
        await Expect.Status(StatusCode.NotFound,
            () => host.Documents.GetAttachmentAsync(new GetAttachmentRequest { AttachmentId = "conformance-no-such-file" }, deadline: HostTarget.Deadline).ResponseAsync, "GetAttachment of an unknown id");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task Stream_WholeFile_ContiguousChunks_MatchSizeAndHash(string target)
    {
        var host = await HostAsync(target);
        var (_, attachment) = await Discovery.DocumentWithAttachmentAsync(host);
        var bytes = await ReadAsync(host, attachment.Id, 0, attachment.SizeBytes);
        Assert.Equal(attachment.SizeBytes, bytes.Length);
        if (attachment.Sha256.Length > 0)
        {
            Assert.Equal(attachment.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task Stream_FromAnOffset_ResumesWithTheRest(string target)
    {
        var host = await HostAsync(target);
        var (_, attachment) = await Discovery.DocumentWithAttachmentAsync(host);
        var whole = await ReadAsync(host, attachment.Id, 0, attachment.SizeBytes);
        var offset = attachment.SizeBytes / 2;
        var tail = await ReadAsync(host, attachment.Id, offset, attachment.SizeBytes);
        Assert.Equal(whole.AsSpan((int)offset).ToArray(), tail);
        Assert.Empty(await ReadAsync(host, attachment.Id, attachment.SizeBytes, attachment.SizeBytes));
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task Stream_BadRequests_FailWithTheProtosCodes(string target)
    {
        var host = await HostAsync(target);
        var (_, attachment) = await Discovery.DocumentWithAttachmentAsync(host);
        await Expect.Status(StatusCode.OutOfRange, () => ReadAsync(host, attachment.Id, attachment.SizeBytes + 1, attachment.SizeBytes), "StreamAttachmentContent beyond the end");
        await Expect.InvalidArgument(() => ReadAsync(host, attachment.Id, -1, attachment.SizeBytes), "offset", "StreamAttachmentContent from offset -1");
        await Expect.Status(StatusCode.NotFound, () => ReadAsync(host, "conformance-no-such-file", 0, 0), "StreamAttachmentContent of an unknown id");
        await Expect.InvalidArgument(() => ReadAsync(host, "", 0, 0), "attachment_id", "StreamAttachmentContent without an id");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task GetDeepLink_GivesAbsoluteUrlsWithoutCredentials_AndRefusesBadTargets(string target)
    {
        var host = await HostAsync(target);
        var (document, attachment) = await Discovery.DocumentWithAttachmentAsync(host);
        foreach (var request in new[] { new GetDeepLinkRequest { DocumentId = document.Id }, new GetDeepLinkRequest { AttachmentId = attachment.Id }, new GetDeepLinkRequest { OrgUnitId = document.IssuerOrgUnitId } })
        {
            if (request.TargetCase == GetDeepLinkRequest.TargetOneofCase.OrgUnitId && request.OrgUnitId.Length == 0)
            {
                continue;
            }

            GetDeepLinkResponse response;
            try
            {
                response = await host.Documents.GetDeepLinkAsync(request, deadline: HostTarget.Deadline);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented && request.TargetCase != GetDeepLinkRequest.TargetOneofCase.DocumentId)
            {
                continue; // Allowed: the e-office has no page for that kind of object.
            }

            Assert.True(Uri.TryCreate(response.DeepLink.Url, UriKind.Absolute, out var url) && url.Scheme is "https" or "http", $"\"{response.DeepLink.Url}\" is not an absolute http(s) URL.");
            Assert.True(response.DeepLink.Url.Length <= 2048);
            Assert.DoesNotContain(host.Token, response.DeepLink.Url, StringComparison.Ordinal);
        }

        await Expect.InvalidArgument(() => host.Documents.GetDeepLinkAsync(new GetDeepLinkRequest(), deadline: HostTarget.Deadline).ResponseAsync, "target", "GetDeepLink without a target");
        await Expect.Status(StatusCode.NotFound,
            () => host.Documents.GetDeepLinkAsync(new GetDeepLinkRequest { DocumentId = "conformance-no-such-document" }, deadline: HostTarget.Deadline).ResponseAsync, "GetDeepLink of an unknown document");
    }

    private static async Task<byte[]> ReadAsync(HostTarget host, string attachmentId, long offset, long expectedTotal)
    {
        using var call = host.Documents.StreamAttachmentContent(new StreamAttachmentContentRequest { AttachmentId = attachmentId, Offset = offset }, deadline: HostTarget.Deadline);
        using var bytes = new MemoryStream();
        var next = offset;
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            Assert.NotEmpty(chunk.Data);
            Assert.True(chunk.Data.Length <= 1024 * 1024, $"A chunk of {chunk.Data.Length} bytes exceeds 1 MiB.");
            Assert.Equal(next, chunk.Offset);
            Assert.Equal(expectedTotal, chunk.TotalSizeBytes);
            chunk.Data.WriteTo(bytes);
            next += chunk.Data.Length;
        }

        return bytes.ToArray();
    }
}
