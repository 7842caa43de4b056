using System.Globalization;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Progress;
using Microsoft.AspNetCore.Http;

namespace DanVan.Plugins.Tasks.Review;

/// <summary>
/// The draft edits that travel with the confirm POST: per top-level item, its content
/// (<c>noi-dung.{path}</c>), lead unit id (<c>chu-tri.{path}</c>), co-operating unit ids
/// (<c>phoi-hop.{path}</c>, comma-separated) and deadline (<c>han.{path}</c>, dd/MM/yyyy). A field
/// equal to what the page offered counts as unchanged. Unit ids are checked against the directory
/// (unknown or dissolved → refused); a bad date or unit is a <see cref="TasksException"/> and nothing is created.
/// </summary>
internal static class DraftEditForm
{
    public static string ContentField(string path) => "noi-dung." + path;

    public static string LeadField(string path) => "chu-tri." + path;

    public static string CooperatingField(string path) => "phoi-hop." + path;

    public static string DueField(string path) => "han." + path;

    /// <summary>The lead unit id the page offers for the item (its resolved lead), or empty.</summary>
    public static string OfferedLead(DocumentReview review, DraftItem item) =>
        item.Lead is null ? string.Empty : review.Resolved.For(item.Lead.Value).SuggestedUnit?.Id ?? string.Empty;

    public static string OfferedCooperating(DocumentReview review, DraftItem item) =>
        string.Join(", ", item.Cooperating.Select(c => review.Resolved.For(c.Value).SuggestedUnit?.Id).Where(id => !string.IsNullOrEmpty(id)));

    public static async Task<IReadOnlyList<ItemEdit>> ReadAsync(IFormCollection form, DocumentReview review, IReadOnlySet<string> chosen, DirectoryService.DirectoryServiceClient? directory, DateOnly today, CancellationToken cancellationToken)
    {
        var edits = new List<ItemEdit>();
        foreach (var item in review.Resolved.Draft.Items.Where(i => chosen.Contains(i.Path)))
        {
            var content = Field(form, ContentField(item.Path));
            var lead = Field(form, LeadField(item.Path));
            var cooperating = Field(form, CooperatingField(item.Path));
            var due = Field(form, DueField(item.Path));
            var contentEdit = content is not null && content != item.Text.Value
                ? (content.Length == 0 ? throw new TasksException(TasksError.InvalidArgument, $"Mục {item.Path}: nội dung nhiệm vụ không được để trống.", ContentField(item.Path)) : content)
                : null;
            var leadEdit = lead is not null && lead != OfferedLead(review, item) && lead.Length > 0
                ? await UnitAsync(directory, lead, item.Path, LeadField(item.Path), today, cancellationToken).ConfigureAwait(false)
                : null;
            IReadOnlyList<OrgUnit>? cooperatingEdit = null;
            if (cooperating is not null && Normalize(cooperating) != Normalize(OfferedCooperating(review, item)))
            {
                var units = new List<OrgUnit>();
                foreach (var id in Ids(cooperating))
                {
                    units.Add(await UnitAsync(directory, id, item.Path, CooperatingField(item.Path), today, cancellationToken).ConfigureAwait(false));
                }

                cooperatingEdit = units;
            }

            DueRule? dueEdit = null;
            if (!string.IsNullOrEmpty(due))
            {
                var date = Tabs.FormValues.Parse(due)
                    ?? throw new TasksException(TasksError.InvalidArgument, $"Mục {item.Path}: thời hạn “{due}” không hợp lệ; hãy ghi theo dạng ngày/tháng/năm, ví dụ 15/11/2026.", DueField(item.Path));
                dueEdit = DueRule.OneOff(date.Day, date.Month, date.Year);
            }

            if (contentEdit is not null || leadEdit is not null || cooperatingEdit is not null || dueEdit is not null)
            {
                edits.Add(new ItemEdit(item.Path, contentEdit, leadEdit, cooperatingEdit, dueEdit));
            }
        }

        return edits;
    }

    private static string? Field(IFormCollection form, string name) => form.TryGetValue(name, out var value) ? ((string?)value ?? string.Empty).Trim() : null;

    private static IEnumerable<string> Ids(string text) => text.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal);

    private static string Normalize(string text) => string.Join(",", Ids(text).Order(StringComparer.Ordinal));

    private static async Task<OrgUnit> UnitAsync(DirectoryService.DirectoryServiceClient? directory, string id, string path, string field, DateOnly today, CancellationToken cancellationToken)
    {
        if (directory is null)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The runtime has no e-office host configured."));
        }

        OrgUnit unit;
        try
        {
            unit = (await directory.GetOrgUnitAsync(new GetOrgUnitRequest { OrgUnitId = id }, cancellationToken: cancellationToken).ResponseAsync.ConfigureAwait(false)).OrgUnit;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            throw new TasksException(TasksError.InvalidArgument, $"Mục {path}: không có đơn vị mã “{id}” trong danh mục đơn vị.", field);
        }

        if (unit.ValidTo is { Year: > 0 } end && new DateOnly(end.Year, end.Month, end.Day) < today)
        {
            throw new TasksException(TasksError.InvalidArgument, string.Create(CultureInfo.InvariantCulture, $"Mục {path}: đơn vị “{unit.FullName}” đã giải thể từ {end.Day:00}/{end.Month:00}/{end.Year}; hãy chọn đơn vị kế thừa."), field);
        }

        return unit;
    }
}
