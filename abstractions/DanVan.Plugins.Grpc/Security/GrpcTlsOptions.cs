using System.Security.Cryptography.X509Certificates;

namespace DanVan.Plugins.Grpc.Security;

/// <summary>TLS for a gRPC endpoint (HTTP/2 negotiated by ALPN), optionally mutual.</summary>
public sealed class GrpcTlsOptions
{
    /// <summary>The server's certificate with its private key.</summary>
    public required X509Certificate2 ServerCertificate { get; init; }

    /// <summary>Require a client certificate (mutual TLS). Defaults to false.</summary>
    public bool RequireClientCertificate { get; init; }

    /// <summary>SHA-256 thumbprints (hex) of the client certificates admitted; when empty, any client certificate that chains to the system's trust store is admitted.</summary>
    public ISet<string> TrustedClientThumbprints { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}
