using System.Text;
using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;

namespace DanVan.Plugins.Tasks.Tests.Extraction;

public sealed class ExtractorPropertyTests
{
    private static readonly Config Config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(150);

    private static readonly string[] Fixtures =
    [
        "Seeds/" + Infrastructure.Fixtures.Seed001, "Seeds/" + Infrastructure.Fixtures.Seed002, "Seeds/" + Infrastructure.Fixtures.Seed003,
        "Directives/kh_sections.txt", "Directives/cv_kinhgui.txt", "Directives/unaccented.txt", "Directives/crlf_monthly.txt",
        "Directives/party_cv.txt", "Directives/bullets_only.txt",
    ];

    // Pieces of directives, so random text often looks like one and reaches every parser.
    private static readonly string[] Fragments =
    [
        "\n", "\r\n", "\n\n", " ", "  ", "**", "1. ", "2. ", "3. ", "I. ", "II. ", "a) ", "b) ", "- ", "+ ", "1.1. ", "Nơi nhận:", "Kính gửi:",
        "ngày 15 tháng 11", "năm 2024", "trước ngày ", "15/11/2024", "15/11", "hằng năm", "hàng quý", "định kỳ", "6 tháng", "của tháng cuối quý",
        "chủ trì", ", phối hợp với ", "Sở Nội vụ", "Ủy ban nhân dân", "UBND các xã, phường", "các sở, ban, ngành", "Ban Dân vận Huyện ủy",
        "(để t/h)", "(để báo cáo)", "|", "báo cáo ", "gửi về ", "(qua ", ")", "Số: /UBND-NV", "Số 12-CT/HU", "CHỈ THỊ", "V/v ", "Về ", "Hưng Yên, ",
        "yêu cầu ", "Thủ trưởng ", "Chủ tịch ", "và ", "; ", ". ", ": ", "Chỉ thị này", "Lưu: VT", "Như trên", "TM. ỦY BAN NHÂN DÂN", "hoà", "Uỷ ban",
        "thực hiện", "Trên đây", "đ", "Đ", "ư", "\u0301", "\u0323", "\t", "\u00A0", "\u2028", "x", "9", "/", "-", "(", "…",
    ];

    [Fact]
    public void ArbitraryText_NeverFails_AndEverySpanLiesInsideTheText()
    {
        var structured = Gen.ListOf(Gen.Elements(Fragments)).Select(parts => string.Concat(parts));
        var noise = Gen.ArrayOf(Gen.Choose(0, 0x2FFF).Select(c => (char)c)).Select(cs => new string(cs));
        var input = Gen.Frequency((4, structured), (1, noise));

        Check.One(Config.WithMaxTest(1000), Prop.ForAll(input.ToArbitrary(), text =>
        {
            var draft = new DirectiveExtractor().Extract(text);

            Assert.DoesNotContain(draft.Messages, m => m.Code == DraftMessageCode.InternalError);
            foreach (var span in Spans(draft))
            {
                Assert.InRange(span.Start, 0, draft.Text.Length);
                Assert.InRange(span.End, span.Start, draft.Text.Length);
            }
        }));
    }

    [Fact]
    public void WhitespaceAndLineEndings_DoNotChangeTheDraft()
    {
        var gen =
            from fixture in Gen.Elements(Fixtures)
            from choices in Gen.ArrayOf(Gen.Choose(0, 4))
            select (fixture, choices);

        Check.One(Config, Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var original = Read(input.fixture).Replace("\r\n", "\n", StringComparison.Ordinal);
            var changed = Reshape(original, input.choices);

            Assert.Equal(DraftPrinter.Print(Infrastructure.Fixtures.Extract(original)), DraftPrinter.Print(Infrastructure.Fixtures.Extract(changed)));
        }));
    }

    [Fact]
    public void Extraction_IsDeterministic()
    {
        foreach (var fixture in Fixtures)
        {
            var text = Read(fixture);
            Assert.Equal(DraftPrinter.Print(Infrastructure.Fixtures.Extract(text), withSpans: true), DraftPrinter.Print(Infrastructure.Fixtures.Extract(text), withSpans: true));
        }
    }

    /// <summary>Line breaks become \n, \r\n or get trailing spaces/tabs; spaces may double or be no-break; blank lines may repeat.</summary>
    private static string Reshape(string text, int[] choices)
    {
        var sb = new StringBuilder(text.Length * 2);
        var k = 0;
        int Next() => choices.Length == 0 ? 0 : choices[k++ % choices.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                sb.Append(Next() switch { 1 => "\r\n", 2 => " \n", 3 => "\t\r\n", _ => "\n" });
                if (i + 1 < text.Length && text[i + 1] == '\n' && Next() == 4)
                {
                    sb.Append('\n');
                }
            }
            else if (c == ' ')
            {
                sb.Append(Next() switch { 3 => "  ", 4 => "\u00A0", _ => " " });
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static string Read(string relative) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relative));

    private static IEnumerable<TextSpan> Spans(DirectiveDraft draft)
    {
        var m = draft.Metadata;
        foreach (var s in new TextSpan?[] { m.Kind?.Span, m.Number?.Span, m.Issuer?.Span, m.Place?.Span, m.IssueDate?.Span, m.Subject?.Span })
        {
            if (s is { } span)
            {
                yield return span;
            }
        }

        foreach (var r in draft.Addressees.Concat(draft.Recipients))
        {
            yield return r.Unit.Span;
            yield return r.Purpose.Span;
        }

        foreach (var item in draft.AllItems().Concat(draft.Closing is null ? [] : [draft.Closing]))
        {
            yield return item.Text.Span;
            yield return item.FullSpan;
            foreach (var u in item.Cooperating.Concat(item.Assignees).Concat(item.Lead is null ? [] : [item.Lead]))
            {
                yield return u.Span;
            }

            foreach (var d in item.Deadlines)
            {
                yield return d.Span;
            }

            foreach (var r in item.Reports)
            {
                yield return r.Span;
            }
        }
    }
}
