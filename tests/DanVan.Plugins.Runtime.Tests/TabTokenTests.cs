using System.Security.Cryptography;
using DanVan.Plugins.Runtime.Tabs;
using DanVan.Plugins.Runtime.Tests.Infrastructure;

namespace DanVan.Plugins.Runtime.Tests;

public sealed class TabTokenTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Issue_ThenRead_GivesBackEveryClaim()
    {
        var time = new FakeTimeProvider(Start);
        var signer = new TabTokenSigner(RandomNumberGenerator.GetBytes(32), time);

        var (token, issued) = signer.Issue("danvan.tasks", "document-tasks", "u-an", "xa-tan-hung", "vb-12", TimeSpan.FromMinutes(10))!.Value;
        var result = signer.Read(token, out var read);

        Assert.Equal(TabTokenReadResult.Valid, result);
        Assert.Equal(new TabToken("danvan.tasks", "document-tasks", "u-an", "xa-tan-hung", "vb-12", Start, Start.AddMinutes(10)), read);
        Assert.Equal(issued, read);
        Assert.Matches("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", token);
    }

    [Fact]
    public void Read_AfterExpiry_Expired_AndJustBefore_Valid()
    {
        var time = new FakeTimeProvider(Start);
        var signer = new TabTokenSigner(RandomNumberGenerator.GetBytes(32), time);
        var (token, _) = signer.Issue("danvan.tasks", "unit-tasks", "u-an", "xa-tan-hung", "", TimeSpan.FromMinutes(10))!.Value;

        time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        var before = signer.Read(token, out _);
        time.Advance(TimeSpan.FromSeconds(1));
        var at = signer.Read(token, out var claims);

        Assert.Equal(TabTokenReadResult.Valid, before);
        Assert.Equal(TabTokenReadResult.Expired, at);
        Assert.Equal("u-an", claims!.UserId);
    }

    [Fact]
    public void Read_TamperedPayloadOrSignature_Invalid()
    {
        var signer = new TabTokenSigner(RandomNumberGenerator.GetBytes(32), new FakeTimeProvider(Start));
        var (token, _) = signer.Issue("danvan.tasks", "unit-tasks", "u-an", "xa-tan-hung", "", TimeSpan.FromMinutes(10))!.Value;
        var dot = token.IndexOf('.', StringComparison.Ordinal);

        // Another user's token with this token's signature, and this token with one signature character changed.
        var (other, _) = signer.Issue("danvan.tasks", "unit-tasks", "u-binh", "xa-tan-hung", "", TimeSpan.FromMinutes(10))!.Value;
        var swapped = other[..other.IndexOf('.', StringComparison.Ordinal)] + token[dot..];
        var flipped = token[..(dot + 1)] + (token[dot + 1] == 'A' ? 'B' : 'A') + token[(dot + 2)..];

        Assert.Equal(TabTokenReadResult.Invalid, signer.Read(swapped, out _));
        Assert.Equal(TabTokenReadResult.Invalid, signer.Read(flipped, out _));
        Assert.Equal(TabTokenReadResult.Invalid, signer.Read(token + "x", out _));
        Assert.Equal(TabTokenReadResult.Invalid, signer.Read("không-phải-token", out _));
        Assert.Equal(TabTokenReadResult.Invalid, signer.Read("", out _));
    }

    [Fact]
    public void Read_SignedWithAnotherKey_Invalid()
    {
        var time = new FakeTimeProvider(Start);
        var ours = new TabTokenSigner(RandomNumberGenerator.GetBytes(32), time);
        var theirs = new TabTokenSigner(RandomNumberGenerator.GetBytes(32), time);
        var (token, _) = theirs.Issue("danvan.tasks", "unit-tasks", "u-an", "xa-tan-hung", "", TimeSpan.FromMinutes(10))!.Value;

        Assert.Equal(TabTokenReadResult.Invalid, ours.Read(token, out var claims));
        Assert.Null(claims);
    }

    [Fact]
    public void Issue_LongestAcceptedAsciiIds_StaysWithin2KiB_AndOverlongRefused()
    {
        var signer = new TabTokenSigner(RandomNumberGenerator.GetBytes(32), new FakeTimeProvider(Start));
        var id = new string('a', TabsServiceImpl.MaxIdLength);

        var longest = signer.Issue("danvan.evaluation", "province-ranking-summary", id, id, id, TimeSpan.FromMinutes(10));
        var overlong = signer.Issue("danvan.evaluation", "province-ranking-summary", new string('ư', 256), new string('ư', 256), new string('ư', 256), TimeSpan.FromMinutes(10));

        Assert.NotNull(longest);
        Assert.InRange(longest.Value.Token.Length, 1, 2048);
        Assert.Null(overlong);
    }

    [Fact]
    public void Key_GeneratedOnce_KeptInDataDirectory_ConfiguredKeyWins()
    {
        var data = Path.Combine(Path.GetTempPath(), "danvan-key-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new PluginRuntimeOptions { DataDirectory = data };
            var first = TabTokenKey.Load(options);
            var second = TabTokenKey.Load(options);
            var configured = RandomNumberGenerator.GetBytes(48);
            var fromConfig = TabTokenKey.Load(new PluginRuntimeOptions { DataDirectory = data, TabTokenKey = Convert.ToBase64String(configured) });

            Assert.Equal(32, first.Length);
            Assert.Equal(first, second);
            Assert.True(File.Exists(Path.Combine(data, "_runtime", "tab-token.key")));
            Assert.Equal(configured, fromConfig);
            Assert.Throws<InvalidOperationException>(() => TabTokenKey.Load(new PluginRuntimeOptions { DataDirectory = data, TabTokenKey = Convert.ToBase64String(new byte[16]) }));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
