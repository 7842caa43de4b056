namespace DanVan.Plugins.Admin;

/// <summary>The parsed command line: a command, its arguments and the common options.</summary>
internal sealed record CommandLine(string? Command, IReadOnlyList<string> Arguments, string Address, string? Token, bool NoEnable)
{
    public static CommandLine Parse(string[] args)
    {
        var arguments = new List<string>();
        var address = "http://127.0.0.1:5060";
        string? token = null;
        var noEnable = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--address" when i + 1 < args.Length:
                    address = args[++i];
                    break;
                case "--token" when i + 1 < args.Length:
                    token = args[++i];
                    break;
                case "--no-enable":
                    noEnable = true;
                    break;
                default:
                    arguments.Add(args[i]);
                    break;
            }
        }

        return arguments.Count == 0
            ? new CommandLine(null, [], address, token, noEnable)
            : new CommandLine(arguments[0], arguments.Skip(1).ToList(), address, token, noEnable);
    }
}
