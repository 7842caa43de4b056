using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DanVan.Plugins.Grpc.Server;

/// <summary>One mapped service: its rpcs, its descriptor and the endpoint conventions applied to it.</summary>
internal sealed class GrpcServiceRegistration(string serviceName, ServiceDescriptor? descriptor, IReadOnlyList<(IMethod Method, RequestDelegate Handler)> methods)
{
    public string ServiceName { get; } = serviceName;

    public ServiceDescriptor? Descriptor { get; } = descriptor;

    public IReadOnlyList<(IMethod Method, RequestDelegate Handler)> Methods { get; } = methods;

    public List<Action<EndpointBuilder>> Conventions { get; } = [];

    public List<Action<EndpointBuilder>> FinallyConventions { get; } = [];
}
