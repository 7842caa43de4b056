namespace DanVan.Plugins.HostSample;

/// <summary>The "HostSample" configuration section (appsettings.json, DANVAN_HostSample__… variables, or the command line).</summary>
public sealed class HostSampleOptions
{
    /// <summary>The development token the runtime uses when no token is configured (never use it in production).</summary>
    public const string DevelopmentToken = "danvan-dev-host-token";

    /// <summary>IP address both endpoints listen on. Defaults to 127.0.0.1.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>Port of the h2c (HTTP/2 only) gRPC endpoint serving danvan.host.v1; 0 picks a free port. Defaults to 5070.</summary>
    public int GrpcPort { get; set; } = 5070;

    /// <summary>Port of the web shell (HTTP/1.1 and HTTP/2); 0 picks a free port. Defaults to 5080.</summary>
    public int WebPort { get; set; } = 5080;

    /// <summary>Absolute URL deep links start with; defaults to the web endpoint's own address.</summary>
    public string? PublicWebUrl { get; set; }

    /// <summary>Folder for what the host writes (received notifications); null keeps everything in memory. Defaults to data/host-sample.</summary>
    public string? DataDirectory { get; set; } = "data/host-sample";

    /// <summary>Caller name → bearer token accepted on the gRPC endpoint. Empty: one caller "runtime" with <see cref="DevelopmentToken"/>.</summary>
    public Dictionary<string, string> Tokens { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The plugin runtime's h2c address the web shell asks for tabs (danvan.runtime.v1) and forwards tab pages to.</summary>
    public string? RuntimeAddress { get; set; } = "http://127.0.0.1:5060";

    /// <summary>The e-office's credential at the runtime (one of the runtime's caller tokens).</summary>
    public string? RuntimeToken { get; set; } = DevelopmentRuntimeToken;

    /// <summary>The development credential the e-office presents to the runtime when none is configured.</summary>
    public const string DevelopmentRuntimeToken = "danvan-dev-eoffice-token";

    /// <summary>Start the plugin runtime in the same process (the one-command demo); its settings are the "Runtime" section. Defaults to true.</summary>
    public bool EmbeddedRuntime { get; set; } = true;

    /// <summary>Folder of signed plugin packages the embedded runtime installs; defaults to <c>plugins/</c> beside the program (filled by the build).</summary>
    public string? PluginPackages { get; set; }
}
