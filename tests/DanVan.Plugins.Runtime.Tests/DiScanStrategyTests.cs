using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Runtime.Loading;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Runtime.Tests;

/// <summary>How a scanned class meets what the plugin registered itself for the same contract.</summary>
public sealed class DiScanStrategyTests
{
    [Fact]
    public void Apply_ClassRegisteredByTypeInstanceOrTypedFactory_NotAddedAgain()
    {
        var byType = new ServiceCollection().AddSingleton<ITabBadgeProvider, FirstBadge>();
        var byInstance = new ServiceCollection().AddSingleton<ITabBadgeProvider>(new FirstBadge());
        var byTypedFactory = new ServiceCollection().AddSingleton<ITabBadgeProvider, FirstBadge>(_ => new FirstBadge());

        foreach (var services in new[] { byType, byInstance, byTypedFactory })
        {
            SkipRegisteredStrategy.Instance.Apply(services, Scanned<FirstBadge>());
        }

        Assert.All(new[] { byType, byInstance, byTypedFactory }, services => Assert.Single(services));
    }

    [Fact]
    public void Apply_OtherScannedClassOfTheContract_AddedAfterThePluginsOwn()
    {
        var services = new ServiceCollection().AddSingleton<ITabBadgeProvider, FirstBadge>();

        SkipRegisteredStrategy.Instance.Apply(services, Scanned<SecondBadge>());
        SkipRegisteredStrategy.Instance.Apply(services, Scanned<ThirdBadge>());

        Assert.Equal([typeof(FirstBadge), typeof(SecondBadge), typeof(ThirdBadge)], services.Select(d => d.ImplementationType));
    }

    [Fact]
    public void Apply_ContractRegisteredThroughAnUntypedFactory_ScanLeavesTheContractAlone()
    {
        var services = new ServiceCollection().AddSingleton<ITabBadgeProvider>(_ => new FirstBadge());

        SkipRegisteredStrategy.Instance.Apply(services, Scanned<FirstBadge>());
        SkipRegisteredStrategy.Instance.Apply(services, Scanned<SecondBadge>());

        Assert.Single(services);
    }

    private static ServiceDescriptor Scanned<T>()
        where T : ITabBadgeProvider => ServiceDescriptor.Singleton(typeof(ITabBadgeProvider), typeof(T));

    private sealed class FirstBadge : ITabBadgeProvider
    {
        public ValueTask<TabBadge?> GetBadgeAsync(TabRequest tab, CancellationToken cancellationToken) => ValueTask.FromResult<TabBadge?>(null);
    }

    private sealed class SecondBadge : ITabBadgeProvider
    {
        public ValueTask<TabBadge?> GetBadgeAsync(TabRequest tab, CancellationToken cancellationToken) => ValueTask.FromResult<TabBadge?>(null);
    }

    private sealed class ThirdBadge : ITabBadgeProvider
    {
        public ValueTask<TabBadge?> GetBadgeAsync(TabRequest tab, CancellationToken cancellationToken) => ValueTask.FromResult<TabBadge?>(null);
    }
}
