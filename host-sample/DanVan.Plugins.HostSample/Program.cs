using DanVan.Plugins.HostSample;
using DanVan.Plugins.HostSample.Data;
using Microsoft.AspNetCore.Hosting.Server;

var app = HostSampleApp.Build(args);
await app.StartAsync();
var server = app.Services.GetRequiredService<IServer>();
var endpoints = app.Services.GetRequiredService<HostEndpoints>();
var options = app.Services.GetRequiredService<HostSampleOptions>();
var store = app.Services.GetRequiredService<HostStore>();
app.Logger.LogInformation("Sample e-office (danvan.host.v1) on h2c {Grpc}; web shell on {Web}; {Units} units, {Users} users, {Documents} documents",
    endpoints.GrpcAddress(server), endpoints.WebAddress(server), store.Units.Count, store.Users.Count, store.Documents.Count);
if (options.Tokens.Count == 0)
{
    app.Logger.LogWarning("No HostSample:Tokens configured: accepting the development token \"{Token}\" for caller \"runtime\".", HostSampleOptions.DevelopmentToken);
}

await app.WaitForShutdownAsync();
