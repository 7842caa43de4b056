namespace DanVan.Plugins.Grpc.Security;

/// <summary>
/// Who may call the server: each caller (e.g. "eoffice-host", "provincial-admin") has a
/// secret token it sends as <c>authorization: Bearer …</c>. One direction of the host ⇄
/// runtime link has its own set; the other direction configures its client with its token.
/// </summary>
public sealed class BearerTokenOptions
{
    /// <summary>Caller name → token. A token should be at least 32 random bytes, base64-encoded.</summary>
    public IDictionary<string, string> Tokens { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Services callable without a token. Defaults to health and reflection, which stock tools and load balancers call.</summary>
    public ISet<string> AnonymousServices { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
    };
}
