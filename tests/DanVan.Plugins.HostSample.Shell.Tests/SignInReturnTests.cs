namespace DanVan.Plugins.HostSample.Shell.Tests;

public sealed class SignInReturnTests
{
    [Theory]
    [InlineData("/van-ban/vb-1?tab=tasks", "/van-ban/vb-1?tab=tasks")]
    [InlineData("/don-vi/xa-tan-hung", "/don-vi/xa-tan-hung")]
    [InlineData("//evil.example/van-ban", null)]
    [InlineData("/\\evil.example", null)]
    [InlineData("https://evil.example/", null)]
    [InlineData("/", null)]
    [InlineData("", null)]
    public void Only_a_path_on_this_site_is_followed_after_sign_in(string asked, string? followed) =>
        Assert.Equal(followed, ShellPages.LocalPath(asked));
}
