using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.TestPlugins.Throwing;

internal sealed class ThrowingPlugin : IPlugin
{
    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        throw new InvalidOperationException("Cố ý lỗi khi đăng ký dịch vụ.");

    public void Map(IPluginEndpoints endpoints)
    {
    }
}
