namespace DanVan.Plugins.Grpc;

/// <summary>A server handler for a unary rpc.</summary>
public delegate Task<TResponse> UnaryServerMethod<TRequest, TResponse>(TRequest request, ServerCallContext context)
    where TRequest : class
    where TResponse : class;
