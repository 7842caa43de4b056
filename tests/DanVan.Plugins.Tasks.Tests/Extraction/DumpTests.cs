using DanVan.Plugins.Tasks.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DanVan.Plugins.Tasks.Tests.Extraction;

public sealed class DumpTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(Fixtures.Seed001)]
    [InlineData(Fixtures.Seed002)]
    [InlineData(Fixtures.Seed003)]
    public void Dump(string name)
    {
        var draft = Fixtures.Extract(Fixtures.Seed(name));
        output.WriteLine(DraftPrinter.Print(draft, withSpans: true));
    }
}
