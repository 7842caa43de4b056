using System.Text;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.HostSample.Shell.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DanVan.Plugins.HostSample.Shell;

/// <summary>When the e-office's own data service does not answer, say so in Vietnamese instead of failing.</summary>
internal sealed class HostUnavailableFilter(IOptions<ShellOptions> options, ILogger<HostUnavailableFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown)
        {
            logger.LogError(e, "The host's data service failed for {Path}", context.HttpContext.Request.Path);
            var http = context.HttpContext;
            if (!http.Response.HasStarted)
            {
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.WriteAsync(
                    PageLayout.Render("Hệ thống tạm thời gián đoạn", null, string.Empty, "<h1>Hệ thống tạm thời gián đoạn</h1><p class=\"card\">Không kết nối được dữ liệu văn bản. Vui lòng thử lại sau ít phút.</p>", options.Value.ProvinceName),
                    Encoding.UTF8);
            }

            return Results.Empty;
        }
    }
}
