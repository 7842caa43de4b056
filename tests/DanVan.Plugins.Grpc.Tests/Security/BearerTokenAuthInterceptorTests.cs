using DanVan.Plugins.Grpc.Security;
using DanVan.Plugins.Grpc.Tests.Standard;
using Grpc.Health.V1;

namespace DanVan.Plugins.Grpc.Tests.Security;

public sealed class BearerTokenAuthInterceptorTests
{
    private const string HostToken = "host-token-0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task Call_NoToken_Unauthenticated()
    {
        await using var host = await StartProtectedAsync(new CallerRecorder());
        var client = new global::Grpc.Health.V1.Health.HealthClient(host.Channel);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.CheckAsync(new HealthCheckRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Theory]
    [InlineData("Bearer wrong-token")]
    [InlineData("Basic aG9zdDpwYXNz")]
    [InlineData("Bearer " + HostToken + "x")]
    public async Task Call_WrongCredential_Unauthenticated(string authorization)
    {
        await using var host = await StartProtectedAsync(new CallerRecorder());
        var client = new global::Grpc.Health.V1.Health.HealthClient(host.Channel);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.CheckAsync(new HealthCheckRequest(), new Metadata { { "authorization", authorization } }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Call_BearerTokenFromChannelCredentials_AuthenticatedAsItsCaller()
    {
        var recorder = new CallerRecorder();
        await using var host = await StartProtectedAsync(recorder);
        using var channel = GrpcChannel.ForAddress(host.Channel.Address, new GrpcChannelOptions
        {
            HttpHandler = host.Handler,
            Credentials = CallCredentials.FromBearerToken(HostToken),
        });

        var reply = await new global::Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
        Assert.Equal(["eoffice-host"], recorder.Callers);
    }

    [Fact]
    public async Task Call_AnonymousService_AllowedWithoutToken()
    {
        await using var host = await StandardServicesHost.StartAsync(o => o.Interceptors.Add(new BearerTokenAuthInterceptor(Options())));

        var reply = await new global::Grpc.Health.V1.Health.HealthClient(host.Channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    private static BearerTokenOptions Options()
    {
        var options = new BearerTokenOptions();
        options.Tokens["eoffice-host"] = HostToken;
        options.Tokens["provincial-admin"] = "admin-token-fedcba9876543210fedcba9876543210";
        return options;
    }

    private static Task<StandardServicesHost> StartProtectedAsync(CallerRecorder recorder)
    {
        var options = Options();
        options.AnonymousServices.Clear();
        return StandardServicesHost.StartAsync(o =>
        {
            o.Interceptors.Add(new BearerTokenAuthInterceptor(options));
            o.Interceptors.Add(recorder);
        });
    }

    /// <summary>Runs after authentication and records who the call was authenticated as.</summary>
    private sealed class CallerRecorder : Interceptor
    {
        public List<string?> Callers { get; } = [];

        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            Callers.Add(BearerTokenAuthInterceptor.GetCaller(context));
            return base.UnaryServerHandler(request, context, continuation);
        }
    }
}
