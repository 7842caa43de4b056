using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Grpc.Server;

/// <summary>
/// Gets the service instance for a call: from DI when the type is registered (its lifetime
/// rules), else a new instance per call with constructor injection, disposed after the call;
/// or, for services mounted at run time, through the mounter's own delegates.
/// </summary>
internal sealed class ServiceActivator<TService>
    where TService : class
{
    private readonly Func<HttpContext, TService> _create;
    private readonly Func<HttpContext, TService, ValueTask>? _release;

    public ServiceActivator(IServiceProvider services)
    {
        if (services.GetService<IServiceProviderIsService>()?.IsService(typeof(TService)) == true)
        {
            _create = static http => http.RequestServices.GetRequiredService<TService>();
            return;
        }

        var factory = ActivatorUtilities.CreateFactory(typeof(TService), Type.EmptyTypes);
        if (HasOnlyParameterlessConstructor())
        {
            // Nothing to inject: don't make the request create a DI scope it will not use.
            _create = http => (TService)factory(services, null);
        }
        else
        {
            _create = http => (TService)factory(http.RequestServices, null);
        }

        _release = static (_, service) =>
        {
            if (service is IAsyncDisposable asyncDisposable)
            {
                return asyncDisposable.DisposeAsync();
            }

            (service as IDisposable)?.Dispose();
            return default;
        };
    }

    public ServiceActivator(Func<HttpContext, TService> create, Func<HttpContext, TService, ValueTask>? release)
    {
        _create = create;
        _release = release;
    }

    public TService Create(HttpContext http) => _create(http);

    private static bool HasOnlyParameterlessConstructor()
    {
        var constructors = typeof(TService).GetConstructors();
        return constructors.Length == 1 && constructors[0].GetParameters().Length == 0;
    }

    public ValueTask ReleaseAsync(HttpContext http, TService service) => _release?.Invoke(http, service) ?? default;
}
