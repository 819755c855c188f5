using System.Text;

namespace CyberGov.Align.Scoring;

/// <summary>
/// Turns CC-CEDICT (<c>TRAD SIMP [pin1 yin1] /gloss/gloss/</c>) into the compact form the aligner loads: one line per
/// headword, <c>SIMP\tTRAD\tkey key …</c> (TRAD empty when equal), where the keys are the normalised content words
/// of the glosses (<see cref="EnglishWords.Normalize"/>), most important first. Surnames, variants, cross-references
/// and classifier notes are dropped. Entries of one headword are merged.
/// </summary>
public static class CedictCompiler
{
    /// <summary>At most this many keys per headword (single characters have long, noisy gloss lists).</summary>
    public const int MaxKeysPerWord = 10;

    /// <summary>At most this many keys for a one-character headword.</summary>
    public const int MaxKeysPerCharacter = 5;

    /// <summary>Compiles a CC-CEDICT text into the compact form.</summary>
    /// <param name="cedict">The CC-CEDICT text (comment lines start with #).</param>
    /// <param name="output">Receives the compact form.</param>
    /// <returns>The number of headwords written.</returns>
    public static int Compile(TextReader cedict, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(cedict);
        ArgumentNullException.ThrowIfNull(output);
        var entries = new Dictionary<string, (string Trad, List<string> Keys)>(StringComparer.Ordinal);
        var order = new List<string>();
        Span<char> buffer = stackalloc char[128];
        while (cedict.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int sp1 = line.IndexOf(' ', StringComparison.Ordinal);
            int sp2 = sp1 < 0 ? -1 : line.IndexOf(' ', sp1 + 1);
            int slash = line.IndexOf('/', StringComparison.Ordinal);
            if (sp1 < 0 || sp2 < 0 || slash < 0)
            {
                continue;
            }

            string trad = line[..sp1];
            string simp = line[(sp1 + 1)..sp2];
            if (!entries.TryGetValue(simp, out var entry))
            {
                entry = (trad == simp ? string.Empty : trad, new List<string>());
                entries[simp] = entry;
                order.Add(simp);
            }

            int limit = simp.Length == 1 ? MaxKeysPerCharacter : MaxKeysPerWord;
            foreach (string rawGloss in line[(slash + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (IsNoise(rawGloss))
                {
                    continue;
                }

                string gloss = StripParentheses(rawGloss);
                foreach (string token in gloss.Split([' ', ',', ';', '.', '"', '!', '?', '-'], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (token.Length > buffer.Length || !IsAsciiWord(token))
                    {
                        continue;
                    }

                    int n = EnglishWords.Normalize(token, buffer);
                    if (n == 0)
                    {
                        continue;
                    }

                    string key = new(buffer[..n]);
                    if (entry.Keys.Count < limit && !entry.Keys.Contains(key))
                    {
                        entry.Keys.Add(key);
                    }
                }
            }
        }

        int written = 0;
        var sb = new StringBuilder();
        foreach (string simp in order)
        {
            var (trad, keys) = entries[simp];
            if (keys.Count == 0)
            {
                continue;
            }

            sb.Clear().Append(simp).Append('\t').Append(trad).Append('\t').AppendJoin(' ', keys);
            output.Write(sb);
            output.Write('\n');
            written++;
        }

        return written;
    }

    private static bool IsNoise(string gloss) =>
        gloss.StartsWith("surname ", StringComparison.Ordinal)
        || gloss.StartsWith("variant of", StringComparison.Ordinal)
        || gloss.StartsWith("old variant", StringComparison.Ordinal)
        || gloss.StartsWith("see ", StringComparison.Ordinal)
        || gloss.StartsWith("see also", StringComparison.Ordinal)
        || gloss.StartsWith("CL:", StringComparison.Ordinal)
        || gloss.StartsWith("used in", StringComparison.Ordinal)
        || gloss.StartsWith("Japanese variant", StringComparison.Ordinal)
        || gloss.StartsWith("(Taiwan pr.", StringComparison.Ordinal)
        || gloss.StartsWith("pr. ", StringComparison.Ordinal)
        || gloss.StartsWith("erhua variant", StringComparison.Ordinal)
        || gloss.StartsWith("abbr. for", StringComparison.Ordinal);

    private static string StripParentheses(string gloss)
    {
        if (!gloss.Contains('(', StringComparison.Ordinal))
        {
            return gloss;
        }

        var sb = new StringBuilder(gloss.Length);
        int depth = 0;
        foreach (char c in gloss)
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool IsAsciiWord(string token)
    {
        foreach (char c in token)
        {
            if (!char.IsAsciiLetter(c) && c != '\'')
            {
                return false;
            }
        }

        return true;
    }
}
