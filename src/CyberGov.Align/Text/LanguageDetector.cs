namespace CyberGov.Align.Text;

/// <summary>Tells Chinese from English by the script of the letters (Han against Latin).</summary>
public static class LanguageDetector
{
    /// <summary>Counts Han and Latin letters in a text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="han">Han characters (CJK unified ideographs and extensions, compatibility ideographs).</param>
    /// <param name="latin">ASCII and Latin-1 letters.</param>
    public static void CountScripts(ReadOnlySpan<char> text, out int han, out int latin)
    {
        han = 0;
        latin = 0;
        foreach (char c in text)
        {
            if (CharClass.IsHan(c))
            {
                han++;
            }
            else if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '\u00C0' and <= '\u024F'))
            {
                latin++;
            }
        }
    }

    /// <summary>
    /// Detects the language: Chinese when Han characters make up at least a fifth of the letters
    /// (one Han character carries about as much as five Latin letters), English when there are Latin letters,
    /// otherwise <see cref="Language.Unknown"/>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The language.</returns>
    public static Language Detect(ReadOnlySpan<char> text)
    {
        CountScripts(text, out int han, out int latin);
        if (han == 0 && latin == 0)
        {
            return Language.Unknown;
        }

        return han * 5 >= latin ? Language.Chinese : Language.English;
    }
}
