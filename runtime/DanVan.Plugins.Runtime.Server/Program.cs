using DanVan.Plugins.Runtime.Hosting;

var app = PluginRuntimeServer.Build(args);
await PluginRuntimeServer.StartAsync(app);
await app.WaitForShutdownAsync();
