using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace DanVan.Plugins.TestPlugins.Greeter;

/// <summary>
/// Binds <see cref="GreeterOptions"/> from the plugin's settings the class-based way (an
/// IConfigureOptions registered by hand, no services.Configure), which leaves adding the options
/// services themselves to the runtime.
/// </summary>
internal sealed class GreeterOptionsSetup(IConfiguration settings) : IConfigureOptions<GreeterOptions>
{
    public void Configure(GreeterOptions options) => settings.Bind(options);
}
