using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace DanVan.Plugins.Grpc.Hosting;

/// <summary>The rpcs of one service as ready-to-run request delegates, built by <see cref="GrpcServiceDefinitions.Create{TService}"/>.</summary>
public sealed class GrpcServiceDefinition
{
    internal GrpcServiceDefinition(string serviceName, ServiceDescriptor? descriptor, IReadOnlyList<GrpcMethodDefinition> methods)
    {
        ServiceName = serviceName;
        Descriptor = descriptor;
        Methods = methods;
    }

    /// <summary>The fully-qualified service name.</summary>
    public string ServiceName { get; }

    /// <summary>The protobuf descriptor, for reflection.</summary>
    public ServiceDescriptor? Descriptor { get; }

    /// <summary>One entry per rpc.</summary>
    public IReadOnlyList<GrpcMethodDefinition> Methods { get; }
}
