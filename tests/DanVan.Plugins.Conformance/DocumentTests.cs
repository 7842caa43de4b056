using DanVan.Plugins.Conformance.Infrastructure;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace DanVan.Plugins.Conformance;

/// <summary>DocumentsService: GetDocument and ListDocuments (views, paging, filters, order, the document with no number).</summary>
public sealed class DocumentTests(ConformanceHosts hosts) : ConformanceTest(hosts)
{
    [Theory, MemberData(nameof(Targets))]
    public async Task GetDocument_EmptyId_IsInvalidArgument_UnknownId_IsNotFound(string target)
    {
        var host = await HostAsync(target);
        await Expect.InvalidArgument(() => host.Documents.GetDocumentAsync(new GetDocumentRequest(), deadline: HostTarget.Deadline).ResponseAsync, "document_id", "GetDocument without an id");
        await Expect.Status(StatusCode.NotFound,
            () => host.Documents.GetDocumentAsync(new GetDocumentRequest { DocumentId = "conformance-no-such-document" }, deadline: HostTarget.Deadline).ResponseAsync, "GetDocument of an unknown id");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task ListDocuments_SmallPages_AddUpToOneLargePage_NewestFirst(string target)
    {
        var host = await HostAsync(target);
        var whole = await host.Documents.ListDocumentsAsync(new ListDocumentsRequest { IncludeRevoked = true, PageSize = 1000 }, deadline: HostTarget.Deadline);
        Assert.True(whole.Documents.Count > 2, "The kit needs more than 2 documents to check paging.");
        var paged = new List<string>();
        var request = new ListDocumentsRequest { IncludeRevoked = true, PageSize = 2 };
        do
        {
            var page = await host.Documents.ListDocumentsAsync(request, deadline: HostTarget.Deadline);
            Assert.True(page.Documents.Count <= 2);
            paged.AddRange(page.Documents.Select(d => d.Id));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(whole.Documents.Select(d => d.Id), paged);
        Assert.True(whole.TotalSize == 0 || whole.TotalSize == paged.Count, $"total_size {whole.TotalSize} but {paged.Count} documents listed.");
        var dated = whole.Documents.Where(d => d.IssueDate is not null).Select(d => Discovery.ToDate(d.IssueDate)!.Value).ToList();
        Assert.Equal(dated.OrderDescending(), dated);
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task ListDocuments_BadPagingAndDates_AreInvalidArgument(string target)
    {
        var host = await HostAsync(target);
        await Expect.InvalidArgument(() => host.Documents.ListDocumentsAsync(new ListDocumentsRequest { PageSize = -1 }, deadline: HostTarget.Deadline).ResponseAsync, "page_size", "ListDocuments with page_size -1");
        await Expect.InvalidArgument(() => host.Documents.ListDocumentsAsync(new ListDocumentsRequest { PageToken = "xyz%%%" }, deadline: HostTarget.Deadline).ResponseAsync, "page_token", "ListDocuments with a made-up page_token");
        await Expect.Status(StatusCode.InvalidArgument, () => host.Documents.ListDocumentsAsync(new ListDocumentsRequest
        {
            IssuedFrom = new Date { Year = 2025, Month = 12, Day = 31 },
            IssuedTo = new Date { Year = 2025, Month = 1, Day = 1 },
        }, deadline: HostTarget.Deadline).ResponseAsync, "ListDocuments with issued_from after issued_to");
        var first = await host.Documents.ListDocumentsAsync(new ListDocumentsRequest { IncludeRevoked = true, PageSize = 1 }, deadline: HostTarget.Deadline);
        await Expect.InvalidArgument(() => host.Documents.ListDocumentsAsync(new ListDocumentsRequest { PageSize = 1, PageToken = first.NextPageToken, Direction = DocumentDirection.Outgoing }, deadline: HostTarget.Deadline).ResponseAsync,
            "page_token", "ListDocuments with a page_token issued for other filters");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task ListDocuments_UnknownIssuerOrRecipient_IsNotFound(string target)
    {
        var host = await HostAsync(target);
        await Expect.Status(StatusCode.NotFound,
            () => host.Documents.ListDocumentsAsync(new ListDocumentsRequest { IssuerOrgUnitId = "conformance-no-such-unit" }, deadline: HostTarget.Deadline).ResponseAsync, "ListDocuments by an unknown issuer");
        await Expect.Status(StatusCode.NotFound,
            () => host.Documents.ListDocumentsAsync(new ListDocumentsRequest { RecipientOrgUnitId = "conformance-no-such-unit" }, deadline: HostTarget.Deadline).ResponseAsync, "ListDocuments for an unknown recipient");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task Views_BasicHasNoText_FullHasIt(string target)
    {
        var host = await HostAsync(target);
        var all = await Discovery.AllDocumentsAsync(host);
        Assert.All(all, d => Assert.Empty(d.FullText));
        var full = await Discovery.AllDocumentsAsync(host, new ListDocumentsRequest { IncludeRevoked = true, View = DocumentView.Full });
        var withText = full.FirstOrDefault(d => d.FullText.Length > 0)
            ?? throw new Xunit.Sdk.XunitException("Fixture missing: the host must hold at least one document with full_text (see the kit's README).");
        var got = await host.Documents.GetDocumentAsync(new GetDocumentRequest { DocumentId = withText.Id }, deadline: HostTarget.Deadline);
        Assert.Equal(withText.FullText, got.Document.FullText);
        var basic = await host.Documents.GetDocumentAsync(new GetDocumentRequest { DocumentId = withText.Id, View = DocumentView.Basic }, deadline: HostTarget.Deadline);
        Assert.Empty(basic.Document.FullText);
        Assert.Equal(withText.Subject, basic.Document.Subject);
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task DocumentWithNoNumber_KeepsTheNumberEmpty(string target)
    {
        var host = await HostAsync(target);
        var document = await Discovery.DocumentWithoutNumberAsync(host);
        var got = await host.Documents.GetDocumentAsync(new GetDocumentRequest { DocumentId = document.Id }, deadline: HostTarget.Deadline);
        Assert.Empty(got.Document.Number);
        Assert.False(got.Document.CodeAsPrinted.Length > 0 && char.IsDigit(got.Document.CodeAsPrinted[0]),
            $"code_as_printed \"{got.Document.CodeAsPrinted}\" starts with a number although number is empty.");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task Query_WithoutDiacritics_FindsTheDocument(string target)
    {
        var host = await HostAsync(target);
        var all = await Discovery.AllDocumentsAsync(host);
        var document = all.FirstOrDefault(d => Discovery.HasDiacritics(d.Subject))
            ?? throw new Xunit.Sdk.XunitException("Fixture missing: no document has a Vietnamese subject with diacritics.");
        var word = document.Subject.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(Discovery.HasDiacritics).OrderByDescending(w => w.Length).First();
        foreach (var query in new[] { Discovery.Fold(word), word.ToUpperInvariant() })
        {
            var found = await Discovery.AllDocumentsAsync(host, new ListDocumentsRequest { IncludeRevoked = true, Query = query });
            Assert.True(found.Any(d => d.Id == document.Id), $"query \"{query}\" did not find \"{document.Subject}\".");
            Assert.All(found, d => Assert.True(
                new[] { d.Subject, d.CodeAsPrinted, d.IssuerName }.Any(f => Discovery.Fold(f).Contains(Discovery.Fold(query), StringComparison.Ordinal)),
                $"query \"{query}\" returned {d.Id}, which does not contain it."));
        }
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task Filters_ReturnOnlyMatchingDocuments(string target)
    {
        var host = await HostAsync(target);
        var all = await Discovery.AllDocumentsAsync(host);
        var sample = all.First(d => d.IssuerOrgUnitId.Length > 0);
        var byIssuer = await Discovery.AllDocumentsAsync(host, new ListDocumentsRequest { IncludeRevoked = true, IssuerOrgUnitId = sample.IssuerOrgUnitId });
        Assert.Contains(byIssuer, d => d.Id == sample.Id);
        Assert.All(byIssuer, d => Assert.Equal(sample.IssuerOrgUnitId, d.IssuerOrgUnitId));
        var byDirection = await Discovery.AllDocumentsAsync(host, new ListDocumentsRequest { IncludeRevoked = true, Direction = sample.Direction });
        Assert.All(byDirection, d => Assert.Equal(sample.Direction, d.Direction));
        var byKind = await Discovery.AllDocumentsAsync(host, new ListDocumentsRequest { IncludeRevoked = true, Kinds = { sample.Kind } });
        Assert.Contains(byKind, d => d.Id == sample.Id);
        Assert.All(byKind, d => Assert.Equal(sample.Kind, d.Kind));
        var future = await Discovery.AllDocumentsAsync(host, new ListDocumentsRequest { IncludeRevoked = true, UpdatedAfter = Timestamp.FromDateTime(new DateTime(9000, 1, 1, 0, 0, 0, DateTimeKind.Utc)) });
        Assert.Empty(future);
        var current = await Discovery.AllDocumentsAsync(host, new ListDocumentsRequest());
        Assert.All(current, d => Assert.True(d.Status is not (DocumentStatus.Revoked or DocumentStatus.Replaced), $"{d.Id} is {d.Status} but include_revoked was false."));
        var dated = all.FirstOrDefault(d => d.IssueDate is not null);
        if (dated is not null)
        {
            var sameDay = await Discovery.AllDocumentsAsync(host, new ListDocumentsRequest { IncludeRevoked = true, IssuedFrom = dated.IssueDate, IssuedTo = dated.IssueDate });
            Assert.Contains(sameDay, d => d.Id == dated.Id);
            Assert.All(sameDay, d => Assert.Equal(dated.IssueDate, d.IssueDate));
        }
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task Documents_HaveIdsAttachmentsOfTheirOwn_AndValidDates(string target)
    {
        var host = await HostAsync(target);
        var all = await Discovery.AllDocumentsAsync(host);
        Assert.Equal(all.Count, all.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
        foreach (var document in all)
        {
            Assert.True(document.Id.Length is > 0 and <= 128);
            Assert.All(document.Attachments, a => Assert.Equal(document.Id, a.DocumentId));
            foreach (var date in new[] { document.IssueDate, document.ArrivalDate, document.DueDate }.Where(d => d is not null))
            {
                Assert.True(date!.Month is >= 1 and <= 12 && date.Day >= 1 && date.Day <= DateTime.DaysInMonth(date.Year, date.Month), $"{document.Id} carries an impossible date {date}.");
            }
        }
    }
}
