using DanVan.Plugins.Grpc.Client;

namespace DanVan.Plugins.Grpc;

/// <summary>Adds interceptors to a call invoker.</summary>
public static class CallInvokerExtensions
{
    /// <summary>Returns an invoker that runs calls through the interceptors, the first one outermost.</summary>
    public static CallInvoker Intercept(this CallInvoker invoker, params Interceptor[] interceptors)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(interceptors);
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            invoker = new InterceptingCallInvoker(invoker, interceptors[i]);
        }

        return invoker;
    }
}
