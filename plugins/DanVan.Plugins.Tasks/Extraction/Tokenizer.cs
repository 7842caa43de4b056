namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>Splits a range of text into words (letters and combining marks), numbers and punctuation.</summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>();
        var i = start;
        var breakBefore = false;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (c is '\n' or '\r')
                {
                    breakBefore = true;
                }

                i++;
                continue;
            }

            int j;
            TokenKind kind;
            if (char.IsLetter(c))
            {
                j = i + 1;
                while (j < end && (char.IsLetter(text[j]) || char.GetUnicodeCategory(text[j]) == System.Globalization.UnicodeCategory.NonSpacingMark))
                {
                    j++;
                }

                kind = TokenKind.Word;
            }
            else if (char.IsDigit(c))
            {
                j = i + 1;
                while (j < end && char.IsDigit(text[j]))
                {
                    j++;
                }

                kind = TokenKind.Number;
            }
            else
            {
                j = i + 1;
                kind = TokenKind.Punctuation;
            }

            var word = text[i..j];
            var isWord = kind == TokenKind.Word;
            tokens.Add(new Token(
                kind,
                i,
                j - i,
                word,
                VietnameseText.Fold(word),
                isWord ? VietnameseText.ToneKey(word) : word,
                isWord && VietnameseText.HasDiacritics(word),
                breakBefore));
            breakBefore = false;
            i = j;
        }

        return tokens;
    }
}
