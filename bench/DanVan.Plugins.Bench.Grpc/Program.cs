using System.Net;
using DanVan.Plugins.Bench.Grpc;
using DanVan.Plugins.Bench.V1;
using System.Buffers.Binary;
using Google.Protobuf;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// Usage: DanVan.Plugins.Bench.Grpc <h2c-port> <stats-port> [--observe]
// h2c port: POST /danvan.bench.v1.EchoService/Echo (our gRPC) and POST /raw/echo (plain Kestrel,
// same response bytes, no gRPC layer). Stats port (HTTP/1.1): GET /stats → grpc-status counts.
var h2cPort = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5051;
var statsPort = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5052;
var observe = args.Contains("--observe");

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k =>
{
    k.ListenGrpc(new IPEndPoint(IPAddress.Loopback, h2cPort));
    k.Listen(IPAddress.Loopback, statsPort, o => o.Protocols = HttpProtocols.Http1);
});
var counter = new StatusCounter();
builder.Services.AddGrpc(o =>
{
    if (observe)
    {
        o.Interceptors.Add(counter);
    }
});

var app = builder.Build();
app.MapGrpcService<EchoServiceImpl>();

// The plain endpoint answers with exactly the bytes our echo sends for the benchmark request.
var reply = new EchoResponse { Payload = ByteString.CopyFromUtf8("h2load") }.ToByteArray();
var frame = new byte[5 + reply.Length];
BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)reply.Length);
reply.CopyTo(frame.AsSpan(5));
app.MapPost("/raw/echo", async (HttpContext http) =>
{
    await http.Request.Body.CopyToAsync(Stream.Null);
    http.Response.ContentType = "application/grpc";
    await http.Response.Body.WriteAsync(frame);
});
app.MapGet("/stats", () => Results.Json(counter.Snapshot().ToDictionary(p => p.Key.ToString(), p => p.Value)));

await app.StartAsync();
Console.WriteLine($"READY h2c={h2cPort} stats={statsPort}");
await app.WaitForShutdownAsync();
