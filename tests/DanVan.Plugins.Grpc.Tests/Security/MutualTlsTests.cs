using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DanVan.Plugins.Grpc.Security;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Grpc.Tests.Security;

/// <summary>TLS with ALPN over real Kestrel sockets, with client certificates required and pinned.</summary>
public sealed class MutualTlsTests : IAsyncLifetime
{
    private readonly X509Certificate2 _serverCert = CreateCertificate("CN=runtime.danvan.test", serverAuth: true);
    private readonly X509Certificate2 _trustedClient = CreateCertificate("CN=eoffice-host", serverAuth: false);
    private readonly X509Certificate2 _strangerClient = CreateCertificate("CN=stranger", serverAuth: false);
    private WebApplication? _app;
    private Uri? _address;

    public async Task InitializeAsync()
    {
        var tls = new GrpcTlsOptions { ServerCertificate = _serverCert, RequireClientCertificate = true };
        tls.TrustedClientThumbprints.Add(_trustedClient.GetCertHashString(HashAlgorithmName.SHA256));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0), tls));
        builder.Services.AddGrpc();
        builder.Services.AddGrpcHealthChecks();
        _app = builder.Build();
        _app.MapGrpcHealthChecksService();
        await _app.StartAsync();
        var bound = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        _address = new Uri($"https://127.0.0.1:{bound.Port}");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Call_TrustedClientCertificate_Served()
    {
        using var channel = Channel(_trustedClient);

        var reply = await new global::Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Call_NoClientCertificate_Refused()
    {
        using var channel = Channel(null);

        var ex = await Assert.ThrowsAsync<RpcException>(() => new global::Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(new HealthCheckRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }

    [Fact]
    public async Task Call_UnpinnedClientCertificate_Refused()
    {
        using var channel = Channel(_strangerClient);

        var ex = await Assert.ThrowsAsync<RpcException>(() => new global::Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(new HealthCheckRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }

    private GrpcChannel Channel(X509Certificate2? clientCertificate)
    {
        var pinned = _serverCert.GetCertHashString(HashAlgorithmName.SHA256);
        return GrpcChannel.ForAddress(_address!, new GrpcChannelOptions
        {
            ClientCertificate = clientCertificate,
            ServerCertificateValidation = (_, certificate, _, _) =>
                certificate is not null && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), pinned, StringComparison.OrdinalIgnoreCase),
        });
    }

    private static X509Certificate2 CreateCertificate(string subject, bool serverAuth)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], critical: false));
        if (serverAuth)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
        }

        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // SslStream needs a key it can use from a store-less certificate: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
