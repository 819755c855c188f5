namespace CyberGov.Align.Text;

/// <summary>The languages a document can be in.</summary>
public enum Language
{
    /// <summary>Not known: detect it from the script (see <see cref="LanguageDetector"/>).</summary>
    Unknown = 0,

    /// <summary>English (Latin script).</summary>
    English,

    /// <summary>Chinese, simplified or traditional (Han script).</summary>
    Chinese,
}

/// <summary>Conversions between <see cref="Language"/> and the codes users type.</summary>
public static class LanguageCodes
{
    /// <summary>Parses <c>en</c>, <c>zh</c> and common variants (<c>zh-CN</c>, <c>zh-Hans</c>, <c>english</c>, <c>chinese</c>).</summary>
    /// <param name="code">The code; case-insensitive.</param>
    /// <param name="language">The language, when recognised.</param>
    /// <returns><see langword="true"/> when the code names a supported language.</returns>
    public static bool TryParse(string? code, out Language language)
    {
        language = Language.Unknown;
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        string c = code.Trim().ToUpperInvariant();
        if (c is "EN" or "ENG" or "ENGLISH" || c.StartsWith("EN-", StringComparison.Ordinal))
        {
            language = Language.English;
        }
        else if (c is "ZH" or "ZHO" or "CHI" or "CHINESE" || c.StartsWith("ZH-", StringComparison.Ordinal))
        {
            language = Language.Chinese;
        }

        return language != Language.Unknown;
    }

    /// <summary>The short code of a language: <c>en</c> or <c>zh</c>.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The ISO 639-1 code.</returns>
    public static string ToCode(this Language language) => language switch
    {
        Language.English => "en",
        Language.Chinese => "zh",
        _ => "und",
    };
}
