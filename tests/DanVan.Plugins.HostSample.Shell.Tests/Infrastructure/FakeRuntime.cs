using System.Collections.Concurrent;
using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Grpc;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.HostSample.Shell.Tests.Infrastructure;

/// <summary>
/// The edge of the shell's unit tests: an in-memory stand-in for the plugin runtime that serves
/// tab pages under /tabs/ and answers RefreshTabToken, recording what the shell sent it.
/// </summary>
internal sealed class FakeRuntime : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeRuntime(WebApplication app, FakeTabsService tabs)
    {
        _app = app;
        Tabs = tabs;
        Handler = app.GetTestServer().CreateHandler();
    }

    public FakeTabsService Tabs { get; }

    public HttpMessageHandler Handler { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>What the fake tab page answers; defaults to a small HTML page linking to its own base path.</summary>
    public Func<HttpContext, Task>? Page { get; set; }

    public static async Task<FakeRuntime> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddGrpc();
        var tabs = new FakeTabsService();
        builder.Services.AddSingleton(tabs);
        var app = builder.Build();
        FakeRuntime? runtime = null;
        app.MapGrpcService<FakeTabsService>();
        app.MapMethods("/tabs/{**rest}", [HttpMethods.Get, HttpMethods.Post], async http =>
        {
            string? body = null;
            if (HttpMethods.IsPost(http.Request.Method))
            {
                using var reader = new StreamReader(http.Request.Body);
                body = await reader.ReadToEndAsync();
            }

            runtime!.Requests.Enqueue(new RecordedRequest(
                http.Request.Method,
                http.Request.Path + http.Request.QueryString,
                http.Request.Headers["X-DanVan-Tab-Token"].ToString(),
                http.Request.Headers.Cookie.ToString(),
                body));
            if (runtime.Page is { } page)
            {
                await page(http);
                return;
            }

            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers.SetCookie = "runtime-session=1";
            await http.Response.WriteAsync("<html><body><h1>Nhiệm vụ</h1><a href=\"/tabs/tasks/document-tasks/chi-tiet\">Chi tiết</a></body></html>");
        });
        await app.StartAsync();
        runtime = new FakeRuntime(app, tabs);
        return runtime;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    internal sealed record RecordedRequest(string Method, string PathAndQuery, string Token, string Cookie, string? Body);

    /// <summary>RefreshTabToken as the runtime answers it, or the failure a test sets.</summary>
    internal sealed class FakeTabsService : TabsService.TabsServiceBase
    {
        public ConcurrentQueue<RefreshTabTokenRequest> Refreshes { get; } = new();

        public StatusCode? FailWith { get; set; }

        public DateTimeOffset NextExpiry { get; set; }

        public override Task<RefreshTabTokenResponse> RefreshTabToken(RefreshTabTokenRequest request, ServerCallContext context)
        {
            Refreshes.Enqueue(request);
            if (FailWith is { } code)
            {
                throw new RpcException(new Status(code, "refused by the test"));
            }

            var token = "renewed-" + Refreshes.Count;
            return Task.FromResult(new RefreshTabTokenResponse
            {
                Token = token,
                Url = "http://runtime.test/tabs/tasks/document-tasks/?dvt=" + token,
                ExpireTime = Timestamp.FromDateTimeOffset(NextExpiry),
            });
        }
    }
}
