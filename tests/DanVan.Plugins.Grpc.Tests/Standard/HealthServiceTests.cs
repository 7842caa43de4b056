using DanVan.Plugins.Grpc.Health;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace DanVan.Plugins.Grpc.Tests.Standard;

public sealed class HealthServiceTests
{
    [Fact]
    public async Task Check_Server_IsServing()
    {
        await using var host = await StandardServicesHost.StartAsync();
        var client = new global::Grpc.Health.V1.Health.HealthClient(host.Channel);

        var reply = await client.CheckAsync(new HealthCheckRequest { Service = "" });

        Assert.Equal(ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Check_UnknownService_NotFound()
    {
        await using var host = await StandardServicesHost.StartAsync();
        var client = new global::Grpc.Health.V1.Health.HealthClient(host.Channel);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task Check_AfterSetStatus_ReturnsPerServiceStatus()
    {
        await using var host = await StandardServicesHost.StartAsync();
        var health = host.Services.GetRequiredService<HealthServiceImpl>();
        health.SetStatus("danvan.tasks.v1.TasksService", ServingStatus.NotServing);
        var client = new global::Grpc.Health.V1.Health.HealthClient(host.Channel);

        var reply = await client.CheckAsync(new HealthCheckRequest { Service = "danvan.tasks.v1.TasksService" });

        Assert.Equal(ServingStatus.NotServing, reply.Status);
    }

    [Fact]
    public async Task Watch_StatusChanges_StreamsCurrentThenEachChange()
    {
        await using var host = await StandardServicesHost.StartAsync();
        var health = host.Services.GetRequiredService<HealthServiceImpl>();
        health.SetStatus("plugin.A", ServingStatus.Serving);
        var client = new global::Grpc.Health.V1.Health.HealthClient(host.Channel);
        using var cts = new CancellationTokenSource();
        using var call = client.Watch(new HealthCheckRequest { Service = "plugin.A" }, cancellationToken: cts.Token);

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(ServingStatus.Serving, call.ResponseStream.Current.Status);
        health.SetStatus("plugin.A", ServingStatus.NotServing);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(ServingStatus.NotServing, call.ResponseStream.Current.Status);
        health.ClearStatus("plugin.A");
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(ServingStatus.ServiceUnknown, call.ResponseStream.Current.Status);
    }

    [Fact]
    public async Task Watch_UnknownService_FirstMessageIsServiceUnknown()
    {
        await using var host = await StandardServicesHost.StartAsync();
        var client = new global::Grpc.Health.V1.Health.HealthClient(host.Channel);
        using var call = client.Watch(new HealthCheckRequest { Service = "later.Service" });

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(ServingStatus.ServiceUnknown, call.ResponseStream.Current.Status);
    }
}
