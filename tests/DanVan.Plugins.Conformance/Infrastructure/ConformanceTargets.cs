namespace DanVan.Plugins.Conformance.Infrastructure;

/// <summary>
/// Which hosts the kit checks: the one at DANVAN_CONFORMANCE_ADDRESS (token from
/// DANVAN_CONFORMANCE_TOKEN) when set, otherwise the sample e-office and the python minimal host.
/// </summary>
public static class ConformanceTargets
{
    public const string AddressVariable = "DANVAN_CONFORMANCE_ADDRESS";
    public const string TokenVariable = "DANVAN_CONFORMANCE_TOKEN";
    public const string Vendor = "vendor";
    public const string Sample = "sample";
    public const string Python = "python";

    public static string? VendorAddress => Environment.GetEnvironmentVariable(AddressVariable) is { Length: > 0 } a ? a : null;

    public static IReadOnlyList<string> Names => VendorAddress is null ? [Sample, Python] : [Vendor];

    /// <summary>The targets as xunit theory data (one row each).</summary>
    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Names)
            {
                data.Add(name);
            }

            return data;
        }
    }
}
