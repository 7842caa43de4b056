namespace DanVan.Plugins.HostSample.Shell;

/// <summary>Where the web shell finds the host's data and the plugin runtime.</summary>
public sealed class ShellOptions
{
    /// <summary>The danvan.host.v1 endpoint the shell reads directory and documents from (h2c or https).</summary>
    public Uri? HostAddress { get; set; }

    /// <summary>The bearer token the shell presents to the host endpoint.</summary>
    public string? HostToken { get; set; }

    /// <summary>The plugin runtime's endpoint (danvan.runtime.v1 and tab pages).</summary>
    public Uri? RuntimeAddress { get; set; }

    /// <summary>The e-office's credential at the runtime (a caller token the runtime trusts as the host).</summary>
    public string? RuntimeToken { get; set; }

    /// <summary>How long before a tab token expires the shell asks the runtime for a fresh one.</summary>
    public TimeSpan TabTokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long the runtime may take to list tabs before the page renders without them.</summary>
    public TimeSpan TabListTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Replaces the HTTP handler for both channels and the tab proxy (tests use in-memory servers).</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>The province name shown in the header.</summary>
    public string ProvinceName { get; set; } = "Tỉnh Hưng Yên";
}
