using DanVan.Plugins.Conformance.Infrastructure;

namespace DanVan.Plugins.Conformance;

/// <summary>Base of the kit's test classes: each test is a theory over the hosts under test.</summary>
[Collection(ConformanceCollection.Name)]
public abstract class ConformanceTest(ConformanceHosts hosts)
{
    public static TheoryData<string> Targets => ConformanceTargets.All;

    protected Task<HostTarget> HostAsync(string target) => hosts.GetAsync(target);
}
