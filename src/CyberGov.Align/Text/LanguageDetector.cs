namespace CyberGov.Align.Text;

/// <summary>Tells Chinese from English by the script of the letters (Han against Latin).</summary>
public static class LanguageDetector
{
    /// <summary>
    /// Counts Han characters and Latin words in a text. Web addresses and e-mail addresses are not words (a Chinese
    /// text citing URLs is still Chinese), and a word is a run of Latin letters (product names count once each).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="han">Han characters (CJK unified ideographs and extensions, compatibility ideographs).</param>
    /// <param name="latinWords">Runs of ASCII and Latin-1/Latin Extended letters outside URLs and e-mail addresses.</param>
    public static void CountScripts(ReadOnlySpan<char> text, out int han, out int latinWords)
    {
        han = 0;
        latinWords = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (CharClass.IsHan(c))
            {
                han++;
                i++;
            }
            else if (IsLatinLetter(c))
            {
                // A token: letters, digits and URL characters up to white space or a non-Latin character.
                int start = i;
                while (i < text.Length && !CharClass.IsSpace(text[i]) && text[i] < '\u0250' && !CharClass.IsHan(text[i]))
                {
                    i++;
                }

                ReadOnlySpan<char> token = text[start..i];
                if (IsAddress(token))
                {
                    continue;
                }

                // Count the letter runs of the token (e.g. "U.S." is one, "state-owned" two).
                bool inWord = false;
                foreach (char t in token)
                {
                    bool letter = IsLatinLetter(t);
                    if (letter && !inWord)
                    {
                        latinWords++;
                    }

                    inWord = letter;
                }
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>
    /// Detects the language from the Han share of the letters: Chinese when there are at least as many Han characters
    /// as Latin words (a translation has about 1.5 to 2 Han characters per English word, so a Chinese text with product
    /// names or links stays Chinese and an English text quoting a Chinese phrase stays English), English when there are
    /// Latin words, otherwise <see cref="Language.Unknown"/>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The language.</returns>
    public static Language Detect(ReadOnlySpan<char> text)
    {
        CountScripts(text, out int han, out int latinWords);
        return Detect(han, latinWords);
    }

    /// <summary>The decision of <see cref="Detect(ReadOnlySpan{char})"/> from counts made by <see cref="CountScripts"/>.</summary>
    /// <param name="han">Han characters.</param>
    /// <param name="latinWords">Latin words.</param>
    /// <returns>The language.</returns>
    public static Language Detect(int han, int latinWords)
    {
        if (han == 0 && latinWords == 0)
        {
            return Language.Unknown;
        }

        return han >= latinWords ? Language.Chinese : Language.English;
    }

    private static bool IsLatinLetter(char c) => CharClass.IsAsciiLetter(c) || c is (>= '\u00C0' and <= '\u024F') and not '\u00D7' and not '\u00F7';

    private static bool IsAddress(ReadOnlySpan<char> token) =>
        token.Contains("://", StringComparison.Ordinal)
        || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        || (token.IndexOf('@') > 0 && token.IndexOf('.') > token.IndexOf('@'));
}
