namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// Reads the sentence that hands out the items: "… Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các sở,
/// ban, ngành tỉnh, Ủy ban nhân dân các huyện … tập trung thực hiện tốt các nội dung sau:". The
/// units after the last "yêu cầu"/"đề nghị"/"giao" of the header are the addressees; the unit
/// before it is the issuer when the header does not name one.
/// </summary>
internal static class OpeningParser
{
    private static readonly Keyword[] Requests = Keyword.Many("yêu cầu", "đề nghị", "giao", "chỉ đạo", "hướng dẫn");

    public static (List<Extracted<UnitMention>> Addressees, Extracted<UnitMention>? Issuer) Parse(string text, int start, int end)
    {
        var tokens = Tokenizer.Tokenize(text, start, end);
        var scanner = new UnitScanner(text, tokens);
        for (var p = tokens.Count - 1; p >= 0; p--)
        {
            var (_, n) = Keyword.Longest(tokens, p, Requests);
            if (n == 0)
            {
                continue;
            }

            var list = scanner.ParseList(p + n);
            if (list.Count == 0)
            {
                continue;
            }

            Extracted<UnitMention>? issuer = null;
            for (var q = Math.Max(0, p - 12); q < p; q++)
            {
                if (tokens[q].IsPunct(';') || tokens[q].IsPunct('.'))
                {
                    continue;
                }

                if (scanner.ParseMention(q) is { } m)
                {
                    if (m.EndToken == p)
                    {
                        issuer = scanner.ToExtracted(m, 0.6);
                        break;
                    }

                    q = m.EndToken - 1;
                }
            }

            return (list.Select(m => scanner.ToExtracted(m, 0.85)).ToList(), issuer);
        }

        return ([], null);
    }
}
