using System.Globalization;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Tasks.Assignments;
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

    public const string ManualContentField = "them.noi-dung";
    public const string ManualLeadField = "them.chu-tri";
    public const string ManualCooperatingField = "them.phoi-hop";
    public const string ManualDueField = "them.han";
    private const string ManualLabel = "Nhiệm vụ thêm thủ công";

    /// <summary>The task the officer added by hand on the review page, or null when its fields are empty.</summary>
    public static async Task<PlannedTask?> ReadManualAsync(IFormCollection form, DirectoryService.DirectoryServiceClient? directory, DateOnly today, CancellationToken cancellationToken)
    {
        var content = Field(form, ManualContentField) ?? string.Empty;
        var lead = Field(form, ManualLeadField) ?? string.Empty;
        var cooperating = Field(form, ManualCooperatingField) ?? string.Empty;
        var due = Field(form, ManualDueField) ?? string.Empty;
        if (content.Length == 0)
        {
            return lead.Length == 0 && cooperating.Length == 0 && due.Length == 0 ? null
                : throw new TasksException(TasksError.InvalidArgument, $"{ManualLabel}: chưa nhập nội dung nhiệm vụ.", ManualContentField);
        }

        if (content.Length > MaxContentLength)
        {
            throw new TasksException(TasksError.InvalidArgument, string.Create(CultureInfo.InvariantCulture, $"{ManualLabel}: nội dung dài quá {MaxContentLength} ký tự."), ManualContentField);
        }

        if (lead.Length == 0)
        {
            throw new TasksException(TasksError.InvalidArgument, $"{ManualLabel}: chưa nhập mã đơn vị chủ trì (đơn vị thực hiện nhiệm vụ).", ManualLeadField);
        }

        var rule = ManualTasks.ParseDue(due, out var valid);
        if (!valid)
        {
            throw new TasksException(TasksError.InvalidArgument, $"{ManualLabel}: thời hạn “{due}” không hợp lệ; hãy ghi ngày/tháng/năm (một lần, ví dụ 30/11/2026) hoặc ngày/tháng (hằng năm, ví dụ 15/11).", ManualDueField);
        }

        var leadUnit = await UnitAsync(directory, lead, ManualLabel, ManualLeadField, today, cancellationToken).ConfigureAwait(false);
        var units = new List<OrgUnit>();
        foreach (var id in Ids(cooperating))
        {
            units.Add(await UnitAsync(directory, id, ManualLabel, ManualCooperatingField, today, cancellationToken).ConfigureAwait(false));
        }

        return ManualTasks.Plan(content, leadUnit, units, rule, today);
    }

    public const int MaxContentLength = 4000;

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
                ? await UnitAsync(directory, lead, $"Mục {item.Path}", LeadField(item.Path), today, cancellationToken).ConfigureAwait(false)
                : null;
            IReadOnlyList<OrgUnit>? cooperatingEdit = null;
            if (cooperating is not null && Normalize(cooperating) != Normalize(OfferedCooperating(review, item)))
            {
                var units = new List<OrgUnit>();
                foreach (var id in Ids(cooperating))
                {
                    units.Add(await UnitAsync(directory, id, $"Mục {item.Path}", CooperatingField(item.Path), today, cancellationToken).ConfigureAwait(false));
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

    public static async Task<OrgUnit> UnitAsync(DirectoryService.DirectoryServiceClient? directory, string id, string where, string field, DateOnly today, CancellationToken cancellationToken)
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
            throw new TasksException(TasksError.InvalidArgument, $"{where}: không có đơn vị mã “{id}” trong danh mục đơn vị.", field);
        }

        if (unit.ValidTo is { Year: > 0 } end && new DateOnly(end.Year, end.Month, end.Day) < today)
        {
            throw new TasksException(TasksError.InvalidArgument, string.Create(CultureInfo.InvariantCulture, $"{where}: đơn vị “{unit.FullName}” đã giải thể từ {end.Day:00}/{end.Month:00}/{end.Year}; hãy chọn đơn vị kế thừa."), field);
        }

        return unit;
    }
}
