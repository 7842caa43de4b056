using System.Text;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.HostSample.Shell.Inbox;
using DanVan.Plugins.HostSample.Shell.Pages;
using DanVan.Plugins.HostSample.Shell.Tabs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DanVan.Plugins.HostSample.Shell;

/// <summary>The shell's page handlers: read through danvan.host.v1, render, and ask the runtime for tabs.</summary>
internal sealed class ShellPages(ShellClients clients, UserSession session, TabStrip tabs, IOptions<ShellOptions> options, IEnumerable<IShellInbox> inboxes)
{
    // The embedding host may supply one; without it there is no "Thông báo" page.
    private readonly IShellInbox? _inbox = inboxes.FirstOrDefault();

    private const int PageSize = 20;

    public Task HomeAsync(HttpContext http)
    {
        http.Response.Redirect(session.CurrentUserId(http) is null ? "/dang-nhap" : "/van-ban-den");
        return Task.CompletedTask;
    }

    public async Task SignInAsync(HttpContext http)
    {
        var users = new List<User>();
        var request = new ListUsersRequest { PageSize = 200 };
        do
        {
            var page = await clients.Directory.ListUsersAsync(request, cancellationToken: http.RequestAborted);
            users.AddRange(page.Users);
            request.PageToken = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(request.PageToken) && users.Count < 1000);

        var unitNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var unitId in users.Select(u => u.PrimaryOrgUnitId).Where(id => !string.IsNullOrEmpty(id)).Distinct())
        {
            try
            {
                var unit = await clients.Directory.GetOrgUnitAsync(new GetOrgUnitRequest { OrgUnitId = unitId }, cancellationToken: http.RequestAborted);
                unitNames[unitId] = unit.OrgUnit.FullName;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                // A user attached to a unit the directory no longer knows still gets listed.
            }
        }

        await WritePageAsync(http, "Đăng nhập", null, "/dang-nhap", SignInPage.Render(users, unitNames, LocalPath(http.Request.Query["tiep"])));
    }

    public async Task SignInPostAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var userId = form["user"].ToString();
        try
        {
            var user = await clients.Directory.GetUserAsync(new GetUserRequest { UserId = userId }, cancellationToken: http.RequestAborted);
            if (!user.User.Active)
            {
                await WriteMessageAsync(http, StatusCodes.Status403Forbidden, "Tài khoản đã ngừng hoạt động", "Tài khoản này không còn hoạt động. Vui lòng chọn cán bộ khác.");
                return;
            }
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            await WriteMessageAsync(http, StatusCodes.Status400BadRequest, "Không đăng nhập được", "Không tìm thấy cán bộ đã chọn. Vui lòng chọn lại.");
            return;
        }

        session.SignIn(http, userId);
        http.Response.Redirect(LocalPath(form["tiep"]) ?? "/van-ban-den");
    }

    public IResult SignOut(HttpContext http)
    {
        session.SignOut(http);
        return Results.Redirect("/dang-nhap");
    }

    public async Task DocumentListAsync(HttpContext http, bool incoming)
    {
        if (await RequireUserAsync(http) is not { } user)
        {
            return;
        }

        var path = incoming ? "/van-ban-den" : "/van-ban-di";
        var query = http.Request.Query["q"].ToString();
        var request = new ListDocumentsRequest
        {
            PageSize = PageSize,
            PageToken = http.Request.Query["page"].ToString(),
            Direction = incoming ? DocumentDirection.Incoming : DocumentDirection.Outgoing,
            Query = query,
            View = DocumentView.Basic,
            ActingUserId = user.Id,
        };
        var title = incoming ? "Văn bản đến" : "Văn bản đi";
        try
        {
            var page = await clients.Documents.ListDocumentsAsync(request, cancellationToken: http.RequestAborted);
            await WritePageAsync(http, title, user, path, DocumentListPage.Render(title, path, query, page.Documents, page.NextPageToken));
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
        {
            await WriteMessageAsync(http, StatusCodes.Status400BadRequest, title, "Trang hoặc điều kiện tìm kiếm không hợp lệ. Vui lòng tìm lại từ đầu.", user);
        }
    }

    public async Task DocumentAsync(HttpContext http, string id)
    {
        if (await RequireUserAsync(http) is not { } user)
        {
            return;
        }

        Document document;
        try
        {
            document = (await clients.Documents.GetDocumentAsync(new GetDocumentRequest { DocumentId = id, View = DocumentView.Full, ActingUserId = user.Id }, cancellationToken: http.RequestAborted)).Document;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument or StatusCode.PermissionDenied)
        {
            await WriteMessageAsync(http, StatusCodes.Status404NotFound, "Không tìm thấy văn bản", "Văn bản không tồn tại hoặc bạn không có quyền xem.", user);
            return;
        }

        var listing = await tabs.ListAsync(user, user.PrimaryOrgUnitId, document.Id, http.RequestAborted);
        var body = DocumentPage.Header(document)
            + tabs.Render("/van-ban/" + Uri.EscapeDataString(document.Id), "Nội dung", DocumentPage.Content(document), listing, http.Request.Query["tab"], user.Id);
        await WritePageAsync(http, document.Subject, user, document.Direction == DocumentDirection.Outgoing ? "/van-ban-di" : "/van-ban-den", body);
    }

    public async Task UnitAsync(HttpContext http, string id)
    {
        if (await RequireUserAsync(http) is not { } user)
        {
            return;
        }

        OrgUnit unit;
        try
        {
            unit = (await clients.Directory.GetOrgUnitAsync(new GetOrgUnitRequest { OrgUnitId = id }, cancellationToken: http.RequestAborted)).OrgUnit;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            await WriteMessageAsync(http, StatusCodes.Status404NotFound, "Không tìm thấy đơn vị", "Đơn vị không tồn tại trong danh mục.", user);
            return;
        }

        var children = await clients.Directory.ListOrgUnitsAsync(new ListOrgUnitsRequest { ParentId = unit.Id, PageSize = 200 }, cancellationToken: http.RequestAborted);
        var listing = await tabs.ListAsync(user, unit.Id, documentId: null, http.RequestAborted);
        var body = UnitPage.Header(unit)
            + tabs.Render("/don-vi/" + Uri.EscapeDataString(unit.Id), "Thông tin đơn vị", UnitPage.Content(children.OrgUnits), listing, http.Request.Query["tab"], user.Id);
        await WritePageAsync(http, unit.FullName, user, unit.Id == user.PrimaryOrgUnitId ? "/don-vi/" + Uri.EscapeDataString(unit.Id) : string.Empty, body);
    }

    public async Task InboxAsync(HttpContext http)
    {
        if (await RequireUserAsync(http) is not { } user)
        {
            return;
        }

        if (_inbox is null)
        {
            await WriteMessageAsync(http, StatusCodes.Status404NotFound, "Không có trang này", "Hệ thống này không có trang thông báo.");
            return;
        }

        await WritePageAsync(http, "Thông báo", user, InboxPage.Path, InboxPage.Render(_inbox.For(user.Id)));
    }

    private async Task<User?> RequireUserAsync(HttpContext http)
    {
        if (session.CurrentUserId(http) is { } userId)
        {
            try
            {
                var user = (await clients.Directory.GetUserAsync(new GetUserRequest { UserId = userId }, cancellationToken: http.RequestAborted)).User;
                if (user.Active)
                {
                    return user;
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                // The user left the directory since signing in.
            }

            session.SignOut(http);
        }

        // Back to the page asked for (a deep link from another system) once signed in.
        http.Response.Redirect("/dang-nhap?tiep=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
        return null;
    }

    /// <summary>Only a path on this site is followed after sign-in, never another origin.</summary>
    internal static string? LocalPath(string? path) =>
        path is { Length: > 1 } p && p[0] == '/' && p[1] is not ('/' or '\\') ? p : null;

    private Task WritePageAsync(HttpContext http, string title, User? user, string current, string body)
    {
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsync(PageLayout.Render(title, user, current, body, options.Value.ProvinceName, user is null || _inbox is null ? null : _inbox.For(user.Id).Count), Encoding.UTF8, http.RequestAborted);
    }

    private Task WriteMessageAsync(HttpContext http, int status, string title, string message, User? user = null)
    {
        http.Response.StatusCode = status;
        return WritePageAsync(http, title, user, string.Empty, "<h1>" + Formatting.Html.E(title) + "</h1><p class=\"card\">" + Formatting.Html.E(message) + "</p>");
    }
}
