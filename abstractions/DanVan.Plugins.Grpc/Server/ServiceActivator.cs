using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Grpc.Server;

/// <summary>
/// Gets the service instance for a call: from DI when the type is registered (its lifetime
/// rules), else a new instance per call with constructor injection, disposed after the call.
/// </summary>
internal sealed class ServiceActivator<TService>
    where TService : class
{
    private readonly ObjectFactory? _factory;

    public ServiceActivator(IServiceProvider services)
    {
        if (services.GetService<IServiceProviderIsService>()?.IsService(typeof(TService)) != true)
        {
            _factory = ActivatorUtilities.CreateFactory(typeof(TService), Type.EmptyTypes);
        }
    }

    public TService Create(HttpContext http) =>
        _factory is null
            ? http.RequestServices.GetRequiredService<TService>()
            : (TService)_factory(http.RequestServices, null);

    public ValueTask ReleaseAsync(TService service)
    {
        if (_factory is null)
        {
            return default;
        }

        if (service is IAsyncDisposable asyncDisposable)
        {
            return asyncDisposable.DisposeAsync();
        }

        (service as IDisposable)?.Dispose();
        return default;
    }
}
