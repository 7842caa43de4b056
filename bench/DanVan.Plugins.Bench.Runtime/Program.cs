using System.Globalization;
using DanVan.Plugins.Bench.Runtime;

switch (args.FirstOrDefault())
{
    case "serve":
        await ServeCommand.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture), args.Contains("--observe"));
        return 0;
    case "unload":
        return await UnloadCommand.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000);
    case "unload-bare":
        return BareUnloadCommand.Run(args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var bare) ? bare : 1000, args.Contains("--empty"), args.Contains("--stream"), args.Contains("--resolver"));
    case "swaptime":
        return await SwapTimeCommand.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10);
    default:
        Console.Error.WriteLine("usage: serve <h2c-port> <control-port> [--observe] | unload [cycles] | unload-bare [cycles] [--empty] [--stream] [--resolver] | swaptime [swaps]");
        return 2;
}
