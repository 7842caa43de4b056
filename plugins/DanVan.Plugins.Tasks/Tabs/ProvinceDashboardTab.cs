using System.Globalization;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Tasks.Access;
using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Export;
using DanVan.Plugins.Tasks.Rollup;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace DanVan.Plugins.Tasks.Tabs;

/// <summary>
/// The unit tab "Tổng hợp": the roll-up of assignments by unit (as the org tree nests them), directive,
/// period and status, with a GET filter form and drill-down links, for Sở Nội vụ and the Party's dân
/// vận board (the whole province) and unit leaders (their unit's subtree); GET xuat-excel returns the
/// same roll-up as the .xlsx report. Everyone else gets a clear refusal.
/// </summary>
internal static class ProvinceDashboardTab
{
    public const string TabId = "province-dashboard";
    public const string Title = "Tổng hợp";
    public const string ExportPath = "xuat-excel";

    public static async Task HandleAsync(HttpContext http)
    {
        var tab = http.GetTabRequest();
        var rest = (http.Request.RouteValues["rest"] as string ?? string.Empty).Trim('/');
        if (!HttpMethods.IsGet(http.Request.Method) || (rest.Length > 0 && rest != ExportPath))
        {
            await Html.WriteMessageAsync(http, Title, "Không có trang này.", StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        var rollup = http.RequestServices.GetRequiredService<AssignmentRollup>();
        Officer officer;
        OrgTree tree;
        try
        {
            officer = await http.RequestServices.GetRequiredService<OfficerAccess>().GetAsync(tab.UserId, http.RequestAborted).ConfigureAwait(false);
            tree = await rollup.TreeAsync(http.RequestAborted).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            http.RequestServices.GetRequiredService<ILogger<AssignmentRollup>>().LogWarning(ex, "Dashboard for {UserId}: the e-office could not be reached ({Status})", tab.UserId, ex.StatusCode);
            await Html.WriteMessageAsync(http, Title, "Không kết nối được hệ thống quản lý văn bản để kiểm tra quyền và danh mục đơn vị; vui lòng thử lại sau ít phút.", StatusCodes.Status503ServiceUnavailable).ConfigureAwait(false);
            return;
        }

        var scope = ProvinceDashboardScope.For(officer, tab.OrgUnitId);
        if (!scope.Allowed)
        {
            await Html.WriteMessageAsync(http, Title, ProvinceDashboardScope.Refusal, StatusCodes.Status403Forbidden).ConfigureAwait(false);
            return;
        }

        var (parsed, error) = ProvinceDashboardQuery.Parse(http.Request.Query, AssignmentStatuses.Today(http.RequestServices.GetRequiredService<TimeProvider>()));
        if (parsed is null)
        {
            await Html.WriteMessageAsync(http, Title, error!, StatusCodes.Status400BadRequest, tab.Link()).ConfigureAwait(false);
            return;
        }

        if (parsed.UnitId is { } picked && !scope.Covers(tree, picked))
        {
            await Html.WriteMessageAsync(http, Title, ProvinceDashboardScope.OutsideRefusal, StatusCodes.Status403Forbidden, tab.Link()).ConfigureAwait(false);
            return;
        }

        // A unit leader always sees their subtree; the province readers see everything unless they drill down.
        var filter = parsed.UnitId is null && scope.RootUnitId is { } root ? parsed with { UnitId = root } : parsed;
        var result = await rollup.RollUpAsync(filter, http.RequestAborted).ConfigureAwait(false);
        if (rest == ExportPath)
        {
            await ExportAsync(http, tab, rollup, tree, filter, result, scope).ConfigureAwait(false);
            return;
        }

        var detail = ProvinceDashboardPage.WantsDetail(filter, result)
            ? await rollup.DetailAsync(filter, ProvinceDashboardPage.DetailRows, http.RequestAborted).ConfigureAwait(false)
            : ((IReadOnlyList<AssignmentDetail>)[], false);
        var html = ProvinceDashboardPage.Render(tab, tree, filter, parsed, result, scope, detail.Item1, detail.Item2);
        await Html.WriteAsync(http, html).ConfigureAwait(false);
    }

    private static async Task ExportAsync(HttpContext http, TabRequest tab, AssignmentRollup rollup, OrgTree tree, RollupFilter filter, RollupResult result, ProvinceDashboardScope scope)
    {
        var (rows, truncated) = await rollup.DetailAsync(filter, AssignmentRollup.DetailLimit, http.RequestAborted).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        RollupWorkbook.Write(buffer, ProvinceDashboardText.Heading(tree, tab.OrgUnitId, result.Today), ProvinceDashboardText.Describe(filter, result, tree, scope.RootUnitId), result, rows, truncated);
        var day = result.Today;
        var disposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = string.Create(CultureInfo.InvariantCulture, $"bao-cao-tong-hop-nhiem-vu-{day:yyyy-MM-dd}.xlsx"),
            FileNameStar = string.Create(CultureInfo.InvariantCulture, $"Báo cáo tổng hợp nhiệm vụ {day:dd-MM-yyyy}.xlsx"),
        };
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = RollupWorkbook.ContentType;
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, http.RequestAborted).ConfigureAwait(false);
    }
}
