using System.Globalization;
using DanVan.Plugins.Bench.Runtime;

static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

static string? Option(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

switch (args.FirstOrDefault())
{
    case "serve":
        await ServeCommand.RunAsync(Int(args[1]), Int(args[2]), args.Contains("--observe"), Option(args, "--drop"));
        return 0;
    case "upgrade":
        return await UpgradeCommand.RunAsync(Int(args[1]), args[2], Int(args[3]), Int(args[4]), Int(args[5]), Option(args, "--go"), Option(args, "--control") is { } control ? Int(control) : null);
    case "unload":
        return await UnloadCommand.RunAsync(args.Length > 1 ? Int(args[1]) : 1000);
    case "unload-bare":
        return BareUnloadCommand.Run(args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var bare) ? bare : 1000, args.Contains("--empty"), args.Contains("--stream"), args.Contains("--resolver"));
    default:
        Console.Error.WriteLine("usage: serve <h2c-port> <control-port> [--observe] [--drop <folder>] | upgrade <h2c-port> <drop-folder> <count> <interval-ms> <first-ms> [--go <file>] [--control <port>] | unload [cycles] | unload-bare [cycles] [--empty] [--stream] [--resolver]");
        return 2;
}
