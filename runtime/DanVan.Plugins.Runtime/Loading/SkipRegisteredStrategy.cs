using Microsoft.Extensions.DependencyInjection;
using Scrutor;

namespace DanVan.Plugins.Runtime.Loading;

/// <summary>
/// Adds a scanned registration unless the plugin already registered that class for that contract
/// (so nothing runs twice), or registered the contract through a factory whose class cannot be
/// told (then the plugin is taken to have registered what it wants for that contract). Other
/// scanned classes of a contract are added beside the plugin's own: contracts are collections.
/// Scrutor's own Skip would keep only the first class per contract.
/// </summary>
internal sealed class SkipRegisteredStrategy : RegistrationStrategy
{
    public static readonly SkipRegisteredStrategy Instance = new();

    public override void Apply(IServiceCollection services, ServiceDescriptor descriptor)
    {
        foreach (var existing in services)
        {
            if (existing.IsKeyedService || existing.ServiceType != descriptor.ServiceType)
            {
                continue;
            }

            var implementation = ImplementationOf(existing);
            if (implementation is null || implementation == descriptor.ImplementationType)
            {
                return;
            }
        }

        services.Add(descriptor);
    }

    private static Type? ImplementationOf(ServiceDescriptor descriptor)
    {
        if (descriptor.ImplementationType is { } type)
        {
            return type;
        }

        if (descriptor.ImplementationInstance is { } instance)
        {
            return instance.GetType();
        }

        // AddSingleton<TService, TImplementation>(factory) keeps TImplementation as the factory's return
        // type; a factory typed as the contract (or object) says nothing about the class it makes.
        var returned = descriptor.ImplementationFactory?.Method.ReturnType;
        return returned is { IsClass: true, IsAbstract: false } && returned != typeof(object) ? returned : null;
    }
}
