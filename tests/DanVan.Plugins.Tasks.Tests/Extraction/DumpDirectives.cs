using DanVan.Plugins.Tasks.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DanVan.Plugins.Tasks.Tests.Extraction;

public sealed class DumpDirectives(ITestOutputHelper output)
{
    [Theory]
    [InlineData("kh_sections.txt")]
    [InlineData("cv_kinhgui.txt")]
    [InlineData("unaccented.txt")]
    [InlineData("crlf_monthly.txt")]
    [InlineData("party_cv.txt")]
    [InlineData("bullets_only.txt")]
    public void Dump(string name) => output.WriteLine(name + "\n" + DraftPrinter.Print(Fixtures.Extract(Fixtures.Directive(name)), withSpans: true));
}
