using Google.Protobuf;
using Google.Protobuf.Reflection;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace DanVan.Plugins.Grpc.Tests.Standard;

public sealed class ReflectionServiceTests
{
    [Fact]
    public async Task ListServices_V1_NamesEveryMappedService()
    {
        await using var host = await StandardServicesHost.StartAsync();

        var response = await AskV1(host, new V1.ServerReflectionRequest { ListServices = "" });

        var names = response.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Equal(["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"], names);
    }

    [Fact]
    public async Task FileContainingSymbol_Service_ReturnsItsFileFirst()
    {
        await using var host = await StandardServicesHost.StartAsync();

        var response = await AskV1(host, new V1.ServerReflectionRequest { FileContainingSymbol = "grpc.health.v1.Health" });

        var file = FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]);
        Assert.Equal("grpc/health/v1/health.proto", file.Name);
        Assert.Equal(["Check", "Watch"], file.Service.Single().Method.Select(m => m.Name));
    }

    [Fact]
    public async Task FileContainingSymbol_MethodAndNestedEnum_Found()
    {
        await using var host = await StandardServicesHost.StartAsync();

        var method = await AskV1(host, new V1.ServerReflectionRequest { FileContainingSymbol = "grpc.health.v1.Health.Watch" });
        var nested = await AskV1(host, new V1.ServerReflectionRequest { FileContainingSymbol = "grpc.health.v1.HealthCheckResponse.ServingStatus" });

        Assert.Equal(V1.ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse, method.MessageResponseCase);
        Assert.Equal(V1.ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse, nested.MessageResponseCase);
    }

    [Fact]
    public async Task FileByFilename_Known_ReturnsFile()
    {
        await using var host = await StandardServicesHost.StartAsync();

        var response = await AskV1(host, new V1.ServerReflectionRequest { FileByFilename = "grpc/reflection/v1/reflection.proto" });

        var file = FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]);
        Assert.Equal("grpc.reflection.v1", file.Package);
    }

    [Theory]
    [InlineData("no.Such")]
    [InlineData("grpc.health.v1.Nope")]
    public async Task FileContainingSymbol_Unknown_ErrorNotFound(string symbol)
    {
        await using var host = await StandardServicesHost.StartAsync();

        var response = await AskV1(host, new V1.ServerReflectionRequest { FileContainingSymbol = symbol });

        Assert.Equal((int)StatusCode.NotFound, response.ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task FileContainingExtension_Any_ErrorNotFound()
    {
        await using var host = await StandardServicesHost.StartAsync();

        var response = await AskV1(host, new V1.ServerReflectionRequest { FileContainingExtension = new V1.ExtensionRequest { ContainingType = "grpc.health.v1.HealthCheckRequest", ExtensionNumber = 100 } });

        Assert.Equal((int)StatusCode.NotFound, response.ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task ListServices_V1Alpha_SameAnswerAsV1()
    {
        await using var host = await StandardServicesHost.StartAsync();
        var client = new V1Alpha.ServerReflection.ServerReflectionClient(host.Channel);
        using var call = client.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new V1Alpha.ServerReflectionRequest { Host = "h", ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var response = call.ResponseStream.Current;
        Assert.Equal("h", response.ValidHost);
        Assert.Contains(response.ListServicesResponse.Service, s => s.Name == "grpc.reflection.v1alpha.ServerReflection");
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task ServerReflectionInfo_SeveralRequestsOnOneStream_OneAnswerEach()
    {
        await using var host = await StandardServicesHost.StartAsync();
        var client = new V1.ServerReflection.ServerReflectionClient(host.Channel);
        using var call = client.ServerReflectionInfo();

        for (var i = 0; i < 3; i++)
        {
            await call.RequestStream.WriteAsync(new V1.ServerReflectionRequest { ListServices = "" });
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal(3, call.ResponseStream.Current.ListServicesResponse.Service.Count);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
    }

    private static async Task<V1.ServerReflectionResponse> AskV1(StandardServicesHost host, V1.ServerReflectionRequest request)
    {
        var client = new V1.ServerReflection.ServerReflectionClient(host.Channel);
        using var call = client.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var response = call.ResponseStream.Current;
        Assert.Equal(request, response.OriginalRequest);
        return response;
    }
}
