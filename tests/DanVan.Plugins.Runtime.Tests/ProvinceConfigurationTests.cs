using DanVan.Plugins.Grpc;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.Runtime.Watching;
using DanVan.Plugins.TestPlugins.Greeter.V1;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Runtime.Tests;

public sealed class ProvinceConfigurationTests
{
    [Fact]
    public async Task ProvinceFileChanged_SettingsAndEnablementApplyLive()
    {
        var folder = Path.Combine(Path.GetTempPath(), "danvan-province-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "province.json");
        await using var host = await RuntimeHost.StartAsync(configure: o => o.ProvinceConfigurationPath = path);
        var applied = Watch(host);
        await host.Admin.InstallAsync(TestPackages.Pack("greeter", "1.0.0", host.Scratch), "it");
        var client = new GreeterService.GreeterServiceClient(host.Channel);

        await File.WriteAllTextAsync(path, """{ "provinceId": "hung-yen", "plugins": { "danvan.testplugins.greeter": { "enabled": true, "settings": { "greetingWord": "Chào mừng" } } } }""");
        Assert.Empty(await applied.Next());
        var greeting = (await client.SayHelloAsync(new HelloRequest { Name = "An" })).Message;
        await File.WriteAllTextAsync(path, """{ "plugins": { "danvan.testplugins.greeter": { "enabled": false, "settings": { "greetingWord": "Chào mừng" } } } }""");
        Assert.Empty(await applied.Next());
        var disabled = await Assert.ThrowsAsync<RpcException>(() => client.SayHelloAsync(new HelloRequest()).ResponseAsync);

        Assert.Equal("Chào mừng An từ 1.0.0!", greeting);
        Assert.Equal(StatusCode.Unavailable, disabled.StatusCode);
        Assert.Equal("province-config", host.Admin.AuditLog()[^1].Actor);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task ProvinceFileWithInvalidSetting_RefusedInVietnameseAndNothingChanges()
    {
        var folder = Path.Combine(Path.GetTempPath(), "danvan-province-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "province.json");
        await using var host = await RuntimeHost.StartAsync(configure: o => o.ProvinceConfigurationPath = path);
        var applied = Watch(host);
        await host.Admin.InstallAsync(TestPackages.Pack("greeter", "1.0.0", host.Scratch), "it");

        await File.WriteAllTextAsync(path, """{ "plugins": { "danvan.testplugins.greeter": { "settings": { "maxNameLength": "9999" } }, "danvan.khong.co": { } } }""");
        var problems = await applied.Next();
        var reply = await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest { Name = "An" });

        Assert.Contains(problems, p => p.Contains("Thiết lập 'maxNameLength' phải trong khoảng 1–500, nhận được 9999.", StringComparison.Ordinal));
        Assert.Contains("Plugin 'danvan.khong.co' chưa được cài đặt.", problems);
        Assert.Equal("Xin chào An từ 1.0.0!", reply.Message);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task ProvinceFileForAnotherProvince_RefusedInVietnameseAndPreviousConfigurationKept()
    {
        var folder = Path.Combine(Path.GetTempPath(), "danvan-province-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "province.json");
        await using var host = await RuntimeHost.StartAsync(configure: o => o.ProvinceConfigurationPath = path);
        var applied = Watch(host);
        await host.Admin.InstallAsync(TestPackages.Pack("greeter", "1.0.0", host.Scratch), "it");
        var client = new GreeterService.GreeterServiceClient(host.Channel);
        await File.WriteAllTextAsync(path, """{ "provinceId": "hung-yen", "plugins": { "danvan.testplugins.greeter": { "settings": { "greetingWord": "Chào mừng" } } } }""");
        Assert.Empty(await applied.Next());

        await File.WriteAllTextAsync(path, """{ "provinceId": "ha-noi", "plugins": { "danvan.testplugins.greeter": { "enabled": false, "settings": { "greetingWord": "Kính chào" } } } }""");
        var problems = await applied.Next();
        var reply = await client.SayHelloAsync(new HelloRequest { Name = "An" });

        var problem = Assert.Single(problems);
        Assert.Contains("Tệp cấu hình tỉnh dành cho tỉnh 'ha-noi', nhưng runtime này phục vụ tỉnh 'hung-yen'", problem, StringComparison.Ordinal);
        Assert.Equal("Chào mừng An từ 1.0.0!", reply.Message);
        Assert.True(host.Services.GetRequiredService<ProvinceConfigurationWatcher>().Wanted("danvan.testplugins.greeter")!.Enabled);
        Directory.Delete(folder, recursive: true);
    }

    private static Signals Watch(RuntimeHost host)
    {
        var signals = new Signals();
        host.Services.GetRequiredService<ProvinceConfigurationWatcher>().Applied += signals.Add;
        return signals;
    }

    private sealed class Signals
    {
        private readonly System.Threading.Channels.Channel<IReadOnlyList<string>> _channel = System.Threading.Channels.Channel.CreateUnbounded<IReadOnlyList<string>>();

        public void Add(IReadOnlyList<string> problems) => _channel.Writer.TryWrite(problems);

        public async Task<IReadOnlyList<string>> Next() => await _channel.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
    }
}
