namespace DanVan.Plugins.Runtime.Tests;

public sealed class TabRequestTests
{
    private static readonly TabRequest Tab = new("danvan.tasks", "document-tasks", "u-an", "xa-tan-hung", "", "abc.DEF-_1", DateTimeOffset.UnixEpoch, "/tabs/danvan.tasks/document-tasks/");

    [Theory]
    [InlineData("", "/tabs/danvan.tasks/document-tasks/?dvt=abc.DEF-_1")]
    [InlineData("bao-cao", "/tabs/danvan.tasks/document-tasks/bao-cao?dvt=abc.DEF-_1")]
    [InlineData("/bao-cao?nam=2025", "/tabs/danvan.tasks/document-tasks/bao-cao?nam=2025&dvt=abc.DEF-_1")]
    [InlineData("bao-cao?nam=2025#muc-2", "/tabs/danvan.tasks/document-tasks/bao-cao?nam=2025&dvt=abc.DEF-_1#muc-2")]
    public void Link_KeepsTheTokenInTheQuery_BeforeAnyFragment(string relative, string expected) =>
        Assert.Equal(expected, Tab.Link(relative));

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("..\\x")]
    public void Link_AbsoluteUrl_Refused(string relative) =>
        Assert.Throws<ArgumentException>(() => Tab.Link(relative));

    [Fact]
    public void EmptyDocumentId_IsNull_AndHiddenInputCarriesTheToken()
    {
        Assert.Null(Tab.DocumentId);
        Assert.Equal("<input type=\"hidden\" name=\"dvt\" value=\"abc.DEF-_1\">", Tab.HiddenTokenInput());
    }
}
