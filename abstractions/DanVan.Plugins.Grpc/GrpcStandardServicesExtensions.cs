using DanVan.Plugins.Grpc.Health;
using DanVan.Plugins.Grpc.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DanVan.Plugins.Grpc;

/// <summary>Registers and maps the standard services: grpc.health.v1 and server reflection (v1 and v1alpha).</summary>
public static class GrpcStandardServicesExtensions
{
    /// <summary>Adds the health service as a singleton, so the app can set statuses on it.</summary>
    public static IServiceCollection AddGrpcHealthChecks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<HealthServiceImpl>();
        return services;
    }

    /// <summary>Adds server reflection.</summary>
    public static IServiceCollection AddGrpcReflection(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ReflectionServiceImpl>();
        services.TryAddSingleton<ReflectionV1AlphaServiceImpl>();
        return services;
    }

    /// <summary>Maps grpc.health.v1.Health.</summary>
    public static IEndpointConventionBuilder MapGrpcHealthChecksService(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGrpcService<HealthServiceImpl>();

    /// <summary>Maps grpc.reflection.v1 and v1alpha.</summary>
    public static IEndpointRouteBuilder MapGrpcReflectionService(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<ReflectionServiceImpl>();
        endpoints.MapGrpcService<ReflectionV1AlphaServiceImpl>();
        return endpoints;
    }
}
