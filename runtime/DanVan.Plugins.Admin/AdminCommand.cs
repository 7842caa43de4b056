using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Grpc;
using Google.Protobuf;

namespace DanVan.Plugins.Admin;

/// <summary>
/// <c>danvan-plugins &lt;command&gt; [options]</c> against a runtime's admin API. The admin token comes
/// from <c>--token</c> or the DANVAN_ADMIN_TOKEN environment variable; the address from
/// <c>--address</c> (default http://127.0.0.1:5060). Exit codes: 0 done, 1 refused, 2 usage.
/// </summary>
internal static class AdminCommand
{
    private const string Usage = """
        Cách dùng: danvan-plugins <lệnh> [tùy chọn]
          list                              liệt kê plugin, phiên bản, trạng thái
          install <gói.dvp> [--no-enable]   cài (và bật) một gói đã ký
          upgrade <id> <gói.dvp>            nâng cấp plugin lên gói mới
            --allow-downgrade               (install, upgrade) chấp nhận gói cũ hơn bản đã cài
          enable <id> | disable <id>        bật / tắt plugin
          rollback <id>                     trở lại phiên bản trước
          doctor [id] [--check-leaks]       chẩn đoán: cách ly, rò rỉ ngữ cảnh (--check-leaks: thu gom rác để kiểm tra lại)
        Tùy chọn: --address http://host:port   --token <mã quản trị> (hoặc biến DANVAN_ADMIN_TOKEN)
                  --reason "<lý do>"           ghi vào nhật ký quản trị của runtime
        """;

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) => RunAsync(args, output, error, handler: null);

    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, HttpMessageHandler? handler)
    {
        var options = CommandLine.Parse(args);
        if (options.Command is null)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var token = options.Token ?? Environment.GetEnvironmentVariable("DANVAN_ADMIN_TOKEN");
        using var channel = GrpcChannel.ForAddress(options.Address, new GrpcChannelOptions
        {
            HttpHandler = handler,
            Credentials = string.IsNullOrEmpty(token) ? null : CallCredentials.FromBearerToken(token),
        });
        var client = new PluginAdminService.PluginAdminServiceClient(channel);
        try
        {
            return await ExecuteAsync(client, options, output, error);
        }
        catch (RpcException ex)
        {
            await error.WriteLineAsync($"Bị từ chối ({ex.StatusCode}): {ex.Status.Detail}");
            if (ex.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>() is { } details)
            {
                foreach (var violation in details.FieldViolations)
                {
                    await error.WriteLineAsync($"  - {violation.Field}: {violation.Description}");
                }
            }

            return 1;
        }
    }

    private static async Task<int> ExecuteAsync(PluginAdminService.PluginAdminServiceClient client, CommandLine options, TextWriter output, TextWriter error)
    {
        switch (options.Command, options.Arguments.Count)
        {
            case ("list", 0):
                var list = await client.ListPluginsAsync(new ListPluginsRequest());
                await output.WriteLineAsync($"{"ID",-32} {"PHIÊN BẢN",-10} {"TRẠNG THÁI",-12} TÊN");
                foreach (var plugin in list.Plugins)
                {
                    await output.WriteLineAsync($"{plugin.Id,-32} {plugin.Version,-10} {StateText(plugin.State),-12} {plugin.DisplayName}");
                    if (plugin.QuarantineReason.Length > 0)
                    {
                        await output.WriteLineAsync($"    lý do cách ly: {plugin.QuarantineReason}");
                    }

                    if (plugin.LastUnload is { Collected: false } leak)
                    {
                        await output.WriteLineAsync($"    rò rỉ: phiên bản {leak.PluginVersion} đã gỡ nhưng vẫn còn trong bộ nhớ sau {leak.GcPasses} lần thu gom rác");
                        foreach (var path in leak.HoldingPaths)
                        {
                            await output.WriteLineAsync($"      giữ bởi: {path}");
                        }
                    }
                }

                return 0;
            case ("install", 1):
                var installed = await UploadAsync(client.InstallPlugin(), options.Arguments[0], path => new InstallPluginRequest { Options = new InstallPluginOptions { Enable = !options.NoEnable, Package = Metadata(path), AllowDowngrade = options.AllowDowngrade, Reason = options.Reason } }, chunk => new InstallPluginRequest { Chunk = chunk });
                await output.WriteLineAsync($"Đã cài {installed.Plugin.Id} {installed.Plugin.Version}: {StateText(installed.Plugin.State)}");
                return 0;
            case ("upgrade", 2):
                var upgraded = await UploadAsync(client.UpgradePlugin(), options.Arguments[1], path => new UpgradePluginRequest { Options = new UpgradePluginOptions { PluginId = options.Arguments[0], Package = Metadata(path), AllowDowngrade = options.AllowDowngrade, Reason = options.Reason } }, chunk => new UpgradePluginRequest { Chunk = chunk });
                await output.WriteLineAsync($"Đã nâng cấp {upgraded.Plugin.Id} lên {upgraded.Plugin.Version}");
                return 0;
            case ("enable", 1):
                var enabled = await client.EnablePluginAsync(new EnablePluginRequest { PluginId = options.Arguments[0], Reason = options.Reason });
                await output.WriteLineAsync($"Đã bật {enabled.Plugin.Id} {enabled.Plugin.Version}");
                return 0;
            case ("disable", 1):
                var disabled = await client.DisablePluginAsync(new DisablePluginRequest { PluginId = options.Arguments[0], Reason = options.Reason });
                await output.WriteLineAsync($"Đã tắt {disabled.Plugin.Id}");
                return 0;
            case ("rollback", 1):
                var rolledBack = await client.RollbackPluginAsync(new RollbackPluginRequest { PluginId = options.Arguments[0], Reason = options.Reason });
                await output.WriteLineAsync($"Đã trở lại {rolledBack.Plugin.Id} {rolledBack.Plugin.Version}");
                return 0;
            case ("doctor", <= 1):
                var doctor = await client.DoctorAsync(new DoctorRequest { PluginId = options.Arguments.FirstOrDefault() ?? "", CheckLeaks = options.CheckLeaks });
                foreach (var diagnostic in doctor.Diagnostics)
                {
                    await output.WriteLineAsync($"[{diagnostic.Severity.ToString().ToUpperInvariant()}] {diagnostic.PluginId} {diagnostic.PluginVersion} {diagnostic.Code}: {diagnostic.Message}");
                }

                return doctor.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? 1 : 0;
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<TResponse> UploadAsync<TRequest, TResponse>(AsyncClientStreamingCall<TRequest, TResponse> call, string path, Func<string, TRequest> first, Func<ByteString, TRequest> chunk)
    {
        using (call)
        {
            await call.RequestStream.WriteAsync(first(path));
            await using var file = File.OpenRead(path);
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await file.ReadAsync(buffer)) > 0)
            {
                await call.RequestStream.WriteAsync(chunk(ByteString.CopyFrom(buffer, 0, read)));
            }

            await call.RequestStream.CompleteAsync();
            return await call;
        }
    }

    private static PluginPackageMetadata Metadata(string path) => new() { FileName = Path.GetFileName(path), SizeBytes = new FileInfo(path).Length };

    private static string StateText(PluginState state) => state switch
    {
        PluginState.Enabled => "đang chạy",
        PluginState.Disabled => "đã tắt",
        PluginState.Installed => "đã cài",
        PluginState.Quarantined => "bị cách ly",
        PluginState.Starting => "đang khởi động",
        PluginState.Upgrading => "đang nâng cấp",
        PluginState.Failed => "lỗi",
        _ => "không rõ",
    };
}
