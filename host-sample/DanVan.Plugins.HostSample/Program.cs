using DanVan.Plugins.HostSample.Demo;
using DanVan.Plugins.Runtime.Hosting;

await using var demo = await HostSampleDemo.StartAsync(args);
var runtime = demo.Runtime?.Services.GetRequiredService<RuntimeServerSettings>();
Console.WriteLine();
Console.WriteLine("  Văn phòng điện tử mẫu (tỉnh Hưng Yên) đã sẵn sàng.");
Console.WriteLine($"  Mở trình duyệt: {demo.WebAddress.AbsoluteUri}");
Console.WriteLine(runtime is null
    ? "  (Không chạy runtime nhúng: HostSample:EmbeddedRuntime = false.)"
    : $"  Runtime tiện ích: h2c {runtime.Address}:{runtime.GrpcPort}; dữ liệu: {Path.GetFullPath(runtime.DataDirectory)}");
Console.WriteLine("  Dừng: Ctrl+C");
Console.WriteLine();
await demo.Host.WaitForShutdownAsync();
