using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using DanVan.Plugins.Grpc.Security;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Microsoft.AspNetCore.Hosting;

/// <summary>Kestrel endpoints for gRPC.</summary>
public static class KestrelGrpcExtensions
{
    /// <summary>
    /// Listens for gRPC: cleartext HTTP/2 with prior knowledge (h2c) when <paramref name="tls"/>
    /// is null — Kestrel does h2c only on an HTTP/2-only endpoint — or TLS with ALPN otherwise.
    /// </summary>
    public static void ListenGrpc(this KestrelServerOptions options, IPEndPoint endpoint, GrpcTlsOptions? tls = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(endpoint);
        options.Listen(endpoint, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            if (tls is null)
            {
                return;
            }

            listen.UseHttps(https =>
            {
                https.ServerCertificate = tls.ServerCertificate;
                if (!tls.RequireClientCertificate)
                {
                    return;
                }

                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                https.ClientCertificateValidation = (certificate, _, errors) =>
                    tls.TrustedClientThumbprints.Count == 0
                        ? errors == SslPolicyErrors.None
                        : tls.TrustedClientThumbprints.Contains(certificate.GetCertHashString(HashAlgorithmName.SHA256));
            });
        });
    }
}
