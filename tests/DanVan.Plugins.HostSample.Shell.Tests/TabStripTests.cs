using DanVan.Plugins.HostSample.Shell.Tabs;

namespace DanVan.Plugins.HostSample.Shell.Tests;

public sealed class TabStripTests
{
    [Theory]
    [InlineData("<svg viewBox=\"0 0 24 24\"><path d=\"M4 4h16v16H4z\" fill=\"currentColor\"/></svg>", true)]
    [InlineData("<svg onload=\"alert(1)\"></svg>", false)]
    [InlineData("<svg><script>alert(1)</script></svg>", false)]
    [InlineData("<svg><a href=\"javascript:alert(1)\"><path/></a></svg>", false)]
    [InlineData("<img src=x>", false)]
    [InlineData("", false)]
    public void Only_plain_inline_svg_icons_are_shown(string icon, bool shown) =>
        Assert.Equal(shown, TabStrip.IsPlainSvg(icon));

    [Theory]
    [InlineData("http://127.0.0.1:5060/tabs/tasks/document-tasks/?dvt=abc", "/tabs/tasks/document-tasks/")]
    [InlineData("http://127.0.0.1:5060/tabs/tasks/unit", "/tabs/tasks/unit/")]
    [InlineData("/tabs/x/y/?dvt=1", "/tabs/x/y/")]
    public void The_proxy_base_path_is_the_tab_url_without_its_token(string url, string basePath) =>
        Assert.Equal(basePath, TabSessionStore.BasePathOf(url));
}
