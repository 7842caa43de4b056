namespace DanVan.Plugins.Admin;

/// <summary>The parsed command line: a command, its arguments and the common options.</summary>
internal sealed record CommandLine(string? Command, IReadOnlyList<string> Arguments, string Address, string? Token, bool NoEnable)
{
    /// <summary>Accept a package older than the installed version (install, upgrade).</summary>
    public bool AllowDowngrade { get; init; }

    /// <summary>Why, recorded in the runtime's audit log.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Force garbage collections to find unloaded versions still in memory (doctor).</summary>
    public bool CheckLeaks { get; init; }

    public static CommandLine Parse(string[] args)
    {
        var arguments = new List<string>();
        var address = "http://127.0.0.1:5060";
        string? token = null;
        var noEnable = false;
        var allowDowngrade = false;
        var checkLeaks = false;
        var reason = "";
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
                case "--allow-downgrade":
                    allowDowngrade = true;
                    break;
                case "--check-leaks":
                    checkLeaks = true;
                    break;
                case "--reason" when i + 1 < args.Length:
                    reason = args[++i];
                    break;
                default:
                    arguments.Add(args[i]);
                    break;
            }
        }

        var parsed = arguments.Count == 0
            ? new CommandLine(null, [], address, token, noEnable)
            : new CommandLine(arguments[0], arguments.Skip(1).ToList(), address, token, noEnable);
        return parsed with { AllowDowngrade = allowDowngrade, CheckLeaks = checkLeaks, Reason = reason };
    }
}
