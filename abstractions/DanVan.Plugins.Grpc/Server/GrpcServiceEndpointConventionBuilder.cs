using Microsoft.AspNetCore.Builder;

namespace DanVan.Plugins.Grpc.Server;

/// <summary>Applies endpoint conventions (authorization, metadata) to every rpc of a mapped service.</summary>
internal sealed class GrpcServiceEndpointConventionBuilder(GrpcServiceRegistration registration, GrpcEndpointDataSource dataSource) : IEndpointConventionBuilder
{
    public void Add(Action<EndpointBuilder> convention)
    {
        registration.Conventions.Add(convention);
        dataSource.Invalidate();
    }

    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        registration.FinallyConventions.Add(finallyConvention);
        dataSource.Invalidate();
    }
}
