using DanVan.Plugins.Grpc.Internal;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Primitives;

namespace DanVan.Plugins.Grpc.Server;

/// <summary>
/// The gRPC routes of the server. Services can be added and removed while the server runs
/// (the routing matcher rebuilds on the change token), which is what lets the plugin runtime
/// mount and unmount plugin services without a restart. Unknown rpcs get UNIMPLEMENTED.
/// </summary>
internal sealed class GrpcEndpointDataSource : EndpointDataSource
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, GrpcServiceRegistration> _services = new(StringComparer.Ordinal);
    private CancellationTokenSource _changes = new();
    private IReadOnlyList<Endpoint>? _endpoints;

    public override IReadOnlyList<Endpoint> Endpoints
    {
        get
        {
            lock (_lock)
            {
                return _endpoints ??= Build();
            }
        }
    }

    /// <summary>The services mapped now, in name order.</summary>
    public IReadOnlyList<GrpcServiceRegistration> Services
    {
        get
        {
            lock (_lock)
            {
                return _services.Values.OrderBy(s => s.ServiceName, StringComparer.Ordinal).ToList();
            }
        }
    }

    public override IChangeToken GetChangeToken()
    {
        lock (_lock)
        {
            return new CancellationChangeToken(_changes.Token);
        }
    }

    public GrpcServiceRegistration Add(string serviceName, ServiceDescriptor? descriptor, IReadOnlyList<(IMethod Method, RequestDelegate Handler)> methods)
    {
        var registration = new GrpcServiceRegistration(serviceName, descriptor, methods);
        lock (_lock)
        {
            if (!_services.TryAdd(serviceName, registration))
            {
                throw new InvalidOperationException($"The gRPC service '{serviceName}' is already mapped.");
            }
        }

        Invalidate();
        return registration;
    }

    /// <summary>Adds the service, or swaps its registration in one step so no request sees it missing.</summary>
    public GrpcServiceRegistration AddOrReplace(string serviceName, ServiceDescriptor? descriptor, IReadOnlyList<(IMethod Method, RequestDelegate Handler)> methods)
    {
        var registration = new GrpcServiceRegistration(serviceName, descriptor, methods);
        lock (_lock)
        {
            _services[serviceName] = registration;
        }

        Invalidate();
        return registration;
    }

    public bool Remove(string serviceName)
    {
        bool removed;
        lock (_lock)
        {
            removed = _services.Remove(serviceName);
        }

        if (removed)
        {
            Invalidate();
        }

        return removed;
    }

    public bool IsServiceKnown(string serviceName)
    {
        lock (_lock)
        {
            return _services.ContainsKey(serviceName);
        }
    }

    public void Invalidate()
    {
        CancellationTokenSource previous;
        lock (_lock)
        {
            _endpoints = null;
            previous = _changes;
            _changes = new CancellationTokenSource();
        }

        previous.Cancel();
        previous.Dispose();
    }

    private List<Endpoint> Build()
    {
        var endpoints = new List<Endpoint>();
        foreach (var service in _services.Values)
        {
            foreach (var (method, handler) in service.Methods)
            {
                var builder = new RouteEndpointBuilder(handler, RoutePatternFactory.Parse(method.FullName), order: 0)
                {
                    DisplayName = "gRPC - " + method.FullName,
                };
                builder.Metadata.Add(method);
                builder.Metadata.Add(new HttpMethodMetadata(["POST"]));
                foreach (var convention in service.Conventions)
                {
                    convention(builder);
                }

                foreach (var convention in service.FinallyConventions)
                {
                    convention(builder);
                }

                endpoints.Add(builder.Build());
            }
        }

        // Any other two-segment POST with a gRPC content type is an unknown service or method.
        var unimplemented = new RouteEndpointBuilder(
            HandleUnimplementedAsync,
            RoutePatternFactory.Parse("{unimplementedService}/{unimplementedMethod}", defaults: null, parameterPolicies: new RouteValueDictionary { ["unimplementedService"] = new GrpcContentTypeConstraint() }),
            order: int.MaxValue)
        {
            DisplayName = "gRPC - unimplemented",
        };
        unimplemented.Metadata.Add(new HttpMethodMetadata(["POST"]));
        endpoints.Add(unimplemented.Build());
        return endpoints;
    }

    private Task HandleUnimplementedAsync(HttpContext http)
    {
        if (!ProtocolValidation.Validate(http))
        {
            return Task.CompletedTask;
        }

        var service = http.Request.RouteValues["unimplementedService"] as string ?? "";
        http.Response.ContentType = GrpcProtocol.ContentType;
        http.Response.Headers[GrpcProtocol.StatusHeader] = "12";
        http.Response.Headers[GrpcProtocol.MessageHeader] = IsServiceKnown(service) ? "Method is unimplemented." : "Service is unimplemented.";
        return Task.CompletedTask;
    }
}
