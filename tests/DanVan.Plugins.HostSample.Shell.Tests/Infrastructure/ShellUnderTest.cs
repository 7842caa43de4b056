using System.Net;
using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.HostSample.Shell.Tabs;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.HostSample.Shell.Tests.Infrastructure;

/// <summary>The web shell on an in-memory server, talking to a <see cref="FakeRuntime"/>.</summary>
internal sealed class ShellUnderTest : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ShellUnderTest(WebApplication app, FakeRuntime runtime, FakeTimeProvider time)
    {
        _app = app;
        Runtime = runtime;
        Time = time;
        Client = app.GetTestServer().CreateClient();
        Sessions = app.Services.GetRequiredService<TabSessionStore>();
        Users = app.Services.GetRequiredService<UserSession>();
    }

    public FakeRuntime Runtime { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public TabSessionStore Sessions { get; }

    public UserSession Users { get; }

    public static async Task<ShellUnderTest> StartAsync()
    {
        var runtime = await FakeRuntime.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddEOfficeShell(o =>
        {
            o.HostAddress = new Uri("http://host.test");
            o.RuntimeAddress = new Uri("http://runtime.test");
            o.HttpHandler = runtime.Handler;
        });
        builder.Services.AddSingleton<TimeProvider>(time);
        var app = builder.Build();
        app.MapEOfficeShell();
        await app.StartAsync();
        return new ShellUnderTest(app, runtime, time);
    }

    /// <summary>Opens a tab for <paramref name="userId"/> as a document page would, with a token valid for 10 minutes.</summary>
    public TabSession OpenTab(string userId, string token = "token-1")
    {
        var tab = new Tab
        {
            Id = "tasks.document-tasks",
            PluginId = "tasks",
            Title = "Nhiệm vụ",
            Url = "http://runtime.test/tabs/tasks/document-tasks/?dvt=" + token,
            Token = token,
            ExpireTime = Timestamp.FromDateTimeOffset(Time.GetUtcNow().AddMinutes(10)),
        };
        return Sessions.Open(userId, tab, new TabContext { UserId = userId, OrgUnitId = "unit-1", DocumentId = "doc-1" });
    }

    public HttpRequestMessage Get(string path, string? asUser)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (asUser is not null)
        {
            request.Headers.Add("Cookie", UserSession.CookieName + "=" + WebUtility.UrlEncode(Users.Issue(asUser)) + "; other=1");
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await Runtime.DisposeAsync();
    }
}
