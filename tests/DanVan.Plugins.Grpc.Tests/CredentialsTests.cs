using DanVan.Plugins.Grpc.Tests.Infrastructure;
using DanVan.Plugins.Interop.V1;

namespace DanVan.Plugins.Grpc.Tests;

public sealed class CredentialsTests
{
    [Fact]
    public async Task FromBearerToken_EveryCall_SendsAuthorizationBearerHeader()
    {
        await using var host = await GrpcTestHost.StartAsync(o => o.Interceptors.Add(new BearerCheckInterceptor("x")));
        var client = host.CreateClient(o => o.Credentials = CallCredentials.FromBearerToken("x"));

        var reply = await client.EchoAsync(new EchoRequest { Message = "authorized" });

        Assert.Equal("authorized", reply.Message);
        Assert.Equal("Bearer x", Assert.Single(host.State.RequestHeaders).GetValue("authorization"));
    }

    [Fact]
    public async Task BearerCheck_NoCredentials_Unauthenticated()
    {
        await using var host = await GrpcTestHost.StartAsync(o => o.Interceptors.Add(new BearerCheckInterceptor("x")));
        var client = host.CreateClient();

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(new Status(StatusCode.Unauthenticated, "missing or wrong bearer token"), ex.Status);
        Assert.Equal(0, host.State.EchoCalls);
    }

    [Fact]
    public async Task BearerCheck_WrongToken_Unauthenticated()
    {
        await using var host = await GrpcTestHost.StartAsync(o => o.Interceptors.Add(new BearerCheckInterceptor("x")));
        var client = host.CreateClient(o => o.Credentials = CallCredentials.FromBearerToken("y"));

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task FromInterceptor_AddsHeadersPerMethod()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient(o => o.Credentials = CallCredentials.FromInterceptor((method, metadata) =>
        {
            metadata.Add("x-method", method.Name);
            return Task.CompletedTask;
        }));

        await client.EchoAsync(new EchoRequest());
        using var stream = client.ServerStream(new StreamRequest());
        await stream.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(["Echo", "ServerStream"], host.State.RequestHeaders.Select(h => h.GetValue("x-method")));
    }

    [Fact]
    public void FromBearerToken_EmptyToken_Throws()
    {
        Assert.Throws<ArgumentException>(() => CallCredentials.FromBearerToken(" "));
    }

    private sealed class BearerCheckInterceptor(string token) : Interceptor
    {
        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
            context.RequestHeaders.GetValue("authorization") == "Bearer " + token
                ? continuation(request, context)
                : throw new RpcException(new Status(StatusCode.Unauthenticated, "missing or wrong bearer token"));
    }
}
