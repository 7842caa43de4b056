using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using DanVan.Plugins.Contracts.Host.V1;
using Xunit.Sdk;

namespace DanVan.Plugins.Conformance.Infrastructure;

/// <summary>
/// Finds what the kit needs through the list rpcs, assuming nothing about the host's data beyond the
/// fixtures the README asks vendors to seed; a missing fixture fails with what to seed.
/// </summary>
internal static class Discovery
{
    public const int PageSize = 100;

    // The unfiltered listings are read once per host: the kit never changes the directory or documents.
    private static readonly ConditionalWeakTable<HostTarget, Cache> Caches = new();

    public static async Task<List<OrgUnit>> AllUnitsAsync(HostTarget host, ListOrgUnitsRequest? filters = null) =>
        filters is null ? [.. await Caches.GetValue(host, h => new Cache(h)).Units.Value] : await ListUnitsAsync(host, filters);

    public static async Task<List<User>> AllUsersAsync(HostTarget host, ListUsersRequest? filters = null) =>
        filters is null ? [.. await Caches.GetValue(host, h => new Cache(h)).Users.Value] : await ListUsersAsync(host, filters);

    public static async Task<List<Document>> AllDocumentsAsync(HostTarget host, ListDocumentsRequest? filters = null) =>
        filters is null ? [.. await Caches.GetValue(host, h => new Cache(h)).Documents.Value] : await ListDocumentsAsync(host, filters);

    private static async Task<List<OrgUnit>> ListUnitsAsync(HostTarget host, ListOrgUnitsRequest? filters)
    {
        var all = new List<OrgUnit>();
        var request = filters?.Clone() ?? new ListOrgUnitsRequest { IncludeDissolved = true };
        request.PageSize = PageSize;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 10_000, "ListOrgUnits never returned an empty next_page_token.");
            var page = await host.Directory.ListOrgUnitsAsync(request, deadline: HostTarget.Deadline);
            all.AddRange(page.OrgUnits);
            if (page.NextPageToken.Length == 0)
            {
                return all;
            }

            request.PageToken = page.NextPageToken;
        }
    }

    private static async Task<List<User>> ListUsersAsync(HostTarget host, ListUsersRequest? filters)
    {
        var all = new List<User>();
        var request = filters?.Clone() ?? new ListUsersRequest { IncludeInactive = true };
        request.PageSize = PageSize;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 10_000, "ListUsers never returned an empty next_page_token.");
            var page = await host.Directory.ListUsersAsync(request, deadline: HostTarget.Deadline);
            all.AddRange(page.Users);
            if (page.NextPageToken.Length == 0)
            {
                return all;
            }

            request.PageToken = page.NextPageToken;
        }
    }

    private static async Task<List<Document>> ListDocumentsAsync(HostTarget host, ListDocumentsRequest? filters)
    {
        var all = new List<Document>();
        var request = filters?.Clone() ?? new ListDocumentsRequest { IncludeRevoked = true };
        request.PageSize = PageSize;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 10_000, "ListDocuments never returned an empty next_page_token.");
            var page = await host.Documents.ListDocumentsAsync(request, deadline: HostTarget.Deadline);
            all.AddRange(page.Documents);
            if (page.NextPageToken.Length == 0)
            {
                return all;
            }

            request.PageToken = page.NextPageToken;
        }
    }

    /// <summary>A unit with valid_to set and at least one successor (README fixture 1).</summary>
    public static async Task<OrgUnit> DissolvedUnitAsync(HostTarget host)
    {
        var units = await AllUnitsAsync(host);
        return units.FirstOrDefault(u => u.ValidTo is not null && u.Successors.Count > 0)
            ?? throw new XunitException(
                "Fixture missing: the host must hold at least one dissolved unit (valid_to in the past) with a successor, "
                + "e.g. a former UBND huyện with valid_to 2025-06-30 and successors to today's xã (see the kit's README).");
    }

    /// <summary>A document whose number is empty (README fixture 2).</summary>
    public static async Task<Document> DocumentWithoutNumberAsync(HostTarget host)
    {
        var documents = await AllDocumentsAsync(host);
        return documents.FirstOrDefault(d => d.Number.Length == 0)
            ?? throw new XunitException(
                "Fixture missing: the host must hold at least one document with no number (e.g. a draft, or a letter printed "
                + "\"Số: /UBND-NV\"), returned with number empty (see the kit's README).");
    }

    /// <summary>A document with at least one attachment (README fixture 3).</summary>
    public static async Task<(Document Document, Attachment Attachment)> DocumentWithAttachmentAsync(HostTarget host)
    {
        var documents = await AllDocumentsAsync(host);
        var document = documents.Where(d => d.Attachments.Count > 0).OrderByDescending(d => d.Attachments.Max(a => a.SizeBytes)).FirstOrDefault()
            ?? throw new XunitException("Fixture missing: the host must hold at least one document with an attachment (see the kit's README).");
        return (document, document.Attachments.OrderByDescending(a => a.SizeBytes).First());
    }

    /// <summary>An active user whose first role is in a unit still valid (README fixture 4).</summary>
    public static async Task<User> ActiveUserAsync(HostTarget host)
    {
        var users = await AllUsersAsync(host, new ListUsersRequest());
        var dissolved = (await AllUnitsAsync(host)).Where(u => u.ValidTo is not null).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        return users.FirstOrDefault(u => u.Active && u.RoleAssignments.Count > 0 && !dissolved.Contains(u.RoleAssignments[0].OrgUnitId))
            ?? throw new XunitException("Fixture missing: the host must hold at least one active user with a role assignment (see the kit's README).");
    }

    /// <summary>Lower case, no diacritics, đ as d: what a diacritic-insensitive search must accept.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    public static bool HasDiacritics(string text) => Fold(text) != text.ToLowerInvariant();

    public static DateOnly? ToDate(Date? date) => date is null ? null : new DateOnly(date.Year, date.Month, date.Day);

    public static Date ToProto(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    private sealed class Cache(HostTarget host)
    {
        public Lazy<Task<List<OrgUnit>>> Units { get; } = new(() => ListUnitsAsync(host, null));

        public Lazy<Task<List<User>>> Users { get; } = new(() => ListUsersAsync(host, null));

        public Lazy<Task<List<Document>>> Documents { get; } = new(() => ListDocumentsAsync(host, null));
    }
}
