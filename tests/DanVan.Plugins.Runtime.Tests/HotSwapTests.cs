using DanVan.Plugins.Grpc;
using DanVan.Plugins.Runtime.Management;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.TestPlugins.Greeter.V1;
using Grpc.Health.V1;

namespace DanVan.Plugins.Runtime.Tests;

public sealed class HotSwapTests
{
    private const string GreeterService = "danvan.testplugins.greeter.v1.GreeterService";

    [Fact]
    public async Task Activate_Greeter_AnswersThroughGrpc()
    {
        await using var host = await RuntimeHost.StartAsync();

        var status = await host.ActivateAsync("greeter", "1.0.0");
        var reply = await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest { Name = "An" });

        Assert.Equal(PluginState.Enabled, status.State);
        // The "!" comes from a decoration the plugin registered by Scrutor scanning of its own assembly.
        Assert.Equal("Xin chào An từ 1.0.0!", reply.Message);
        Assert.Equal([GreeterService], status.Services);
    }

    [Fact]
    public async Task Activate_NewVersionWhileClientsHammer_NoCallFailsAndNewVersionTakesOver()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.ActivateAsync("greeter", "1.0.0");
        var client = new GreeterService.GreeterServiceClient(host.Channel);
        using var stop = new CancellationTokenSource();
        var sawNew = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var workers = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            var calls = 0;
            while (!stop.IsCancellationRequested)
            {
                var reply = await client.SayHelloAsync(new HelloRequest { Name = "worker" + i });
                calls++;
                if (reply.Version == "2.0.0")
                {
                    sawNew[i].TrySetResult();
                }
            }

            return calls;
        })).ToArray();

        await host.ActivateAsync("greeter", "2.0.0");
        await Task.WhenAll(sawNew.Select(t => t.Task)).WaitAsync(TimeSpan.FromSeconds(30));
        stop.Cancel();
        var counts = await Task.WhenAll(workers);

        Assert.All(counts, c => Assert.True(c > 0));
        Assert.Equal("2.0.0", (await client.SayHelloAsync(new HelloRequest { Name = "An" })).Version);
    }

    [Fact]
    public async Task Activate_NewVersion_OldContextIsCollected()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.ActivateAsync("greeter", "1.0.0");
        await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest { Name = "An" });

        await host.ActivateAsync("greeter", "2.0.0");
        var reports = await host.Manager.WaitForUnloadsAsync();

        var report = Assert.Single(reports);
        Assert.Equal("1.0.0", report.Version);
        Assert.True(report.Collected, $"1.0.0 still loaded: {string.Join(", ", report.LingeringAssemblies)}");
    }

    [Fact]
    public async Task Disable_ThenCall_UnavailableAndReEnableServes()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.ActivateAsync("greeter", "1.0.0");
        var client = new GreeterService.GreeterServiceClient(host.Channel);

        var disabled = await host.Manager.DisableAsync("danvan.testplugins.greeter");
        var ex = await Assert.ThrowsAsync<RpcException>(() => client.SayHelloAsync(new HelloRequest { Name = "An" }).ResponseAsync);
        var unload = Assert.Single(await host.Manager.WaitForUnloadsAsync());
        await host.ActivateAsync("greeter", "1.0.0");
        var reply = await client.SayHelloAsync(new HelloRequest { Name = "Bình" });

        Assert.Equal(PluginState.Disabled, disabled.State);
        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.True(unload.Collected);
        Assert.Equal("Xin chào Bình từ 1.0.0!", reply.Message);
    }

    [Fact]
    public async Task Health_PerPluginService_FollowsEnableAndDisable()
    {
        await using var host = await RuntimeHost.StartAsync();
        var health = new Health.HealthClient(host.Channel);

        await host.ActivateAsync("greeter", "1.0.0");
        var enabled = await health.CheckAsync(new HealthCheckRequest { Service = GreeterService });
        await host.Manager.DisableAsync("danvan.testplugins.greeter");
        var disabled = await health.CheckAsync(new HealthCheckRequest { Service = GreeterService });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, enabled.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, disabled.Status);
    }

    [Fact]
    public async Task Activate_OlderVersionAfterNewer_RollsBack()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.ActivateAsync("greeter", "2.0.0");

        await host.ActivateAsync("greeter", "1.0.0");
        var reply = await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest { Name = "An" });

        Assert.Equal("1.0.0", reply.Version);
        Assert.True(Assert.Single(await host.Manager.WaitForUnloadsAsync()).Collected);
    }
}
