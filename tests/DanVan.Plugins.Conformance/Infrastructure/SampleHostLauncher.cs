using System.Security.Cryptography;
using DanVan.Plugins.HostSample;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Conformance.Infrastructure;

/// <summary>Starts the sample e-office in-process on free ports with a fresh token and data folder.</summary>
internal static class SampleHostLauncher
{
    public static async Task<HostTarget> StartAsync()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var data = Directory.CreateTempSubdirectory("danvan-conformance-sample-");
        var app = HostSampleApp.Build(
            ["--grpc-port", "0", "--web-port", "0", "--data", data.FullName, "--HostSample:Tokens:runtime", token],
            builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<HostEndpoints>().GrpcAddress(app.Services.GetRequiredService<IServer>());
        return new HostTarget(ConformanceTargets.Sample, address, token, async () =>
        {
            await app.StopAsync();
            await app.DisposeAsync();
            data.Delete(recursive: true);
        });
    }
}
