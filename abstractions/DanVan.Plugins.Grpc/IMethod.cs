namespace DanVan.Plugins.Grpc;

/// <summary>What is known of an rpc without its message types.</summary>
public interface IMethod
{
    /// <summary>The call kind.</summary>
    MethodType Type { get; }

    /// <summary>The fully-qualified service name, e.g. <c>danvan.host.v1.DirectoryService</c>.</summary>
    string ServiceName { get; }

    /// <summary>The rpc name, e.g. <c>GetOrgUnit</c>.</summary>
    string Name { get; }

    /// <summary>The HTTP/2 path, <c>/{ServiceName}/{Name}</c>.</summary>
    string FullName { get; }

    /// <summary>True when the proto marks the rpc idempotent or free of side effects; only such calls are retried.</summary>
    bool IsIdempotent { get; }
}
