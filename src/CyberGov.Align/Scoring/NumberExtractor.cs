using System.Globalization;

namespace CyberGov.Align.Scoring;

/// <summary>
/// Finds numbers in a sentence and reduces them to comparable values: Arabic numerals with separators and decimals
/// (full- or half-width), scale words (万, 亿, 万亿, thousand, million, billion, trillion), Chinese numerals
/// (二〇一五 → 2015, 十八 → 18, 三千五百 → 3500), approximate scales (550多万 → 5,500,000), percentages (百分之三十 → 30),
/// ordinals (第二 → 2, 2nd/second → 2), Chinese shorthands (十三五 → 13 and 5, 三四线 → 3 and 4, 九二共识 → 1992), areas
/// in mu also as hectares (1000万亩 → 667,000) and English number words. A lone 一 or "one" is too common to count and is ignored.
/// </summary>
public static class NumberExtractor
{
    private static readonly Dictionary<string, double> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30,
        ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["hundred"] = 100, ["thousand"] = 1000, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5,
        ["sixth"] = 6, ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11,
        ["twelfth"] = 12, ["twentieth"] = 20, ["hundredth"] = 100, ["dozen"] = 12, ["half"] = 0.5, ["twice"] = 2,
        ["double"] = 2, ["triple"] = 3, ["millions"] = 1e6, ["billions"] = 1e9, ["thousands"] = 1e3, ["hundreds"] = 100,
    };

    private static readonly Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> EnglishLookup = EnglishWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Appends the numbers of <paramref name="text"/> to <paramref name="values"/> as comparable keys (see <see cref="Key"/>).</summary>
    /// <param name="text">A sentence.</param>
    /// <param name="values">Receives the keys.</param>
    public static void Extract(ReadOnlySpan<char> text, List<long> values) => Extract(text, values, alsoMantissa: true);

    /// <summary>Like <see cref="Extract(ReadOnlySpan{char}, List{long})"/>; with <paramref name="alsoMantissa"/> false, "1.2 trillion" gives only 1.2e12, not also 1.2.</summary>
    internal static void Extract(ReadOnlySpan<char> text, List<long> values, bool alsoMantissa, List<long>? names = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (IsArabicDigit(c))
            {
                i = ReadArabic(text, i, values, alsoMantissa, names);
            }
            else if (IsChineseNumeral(c))
            {
                i = ReadChinese(text, i, values, alsoMantissa, names);
            }
            else if (char.IsAsciiLetter(c))
            {
                int e = i;
                while (e < text.Length && char.IsAsciiLetter(text[e]))
                {
                    e++;
                }

                if ((i == 0 || !char.IsAsciiLetter(text[i - 1])) && EnglishLookup.TryGetValue(text[i..e], out double v)
                    && (alsoMantissa || !IsMultiplier(text[i..e])))
                {
                    if (names is not null && (PlanFollows(text, e) || text[e..].StartsWith("-year plan", StringComparison.OrdinalIgnoreCase)))
                    {
                        // "the Fourteenth Five-Year Plan": a name, which Chinese says 十四五 (and the review does not read).
                        names.Add(Key(v));
                        i = e;
                        continue;
                    }

                    // "eighteen million", "half a million"
                    int s = e + (text[e..].StartsWith(" a ", StringComparison.Ordinal) ? 2 : 0);
                    (double scale, int after) = ReadScale(text, s);
                    if (scale != 1 && after > s)
                    {
                        values.Add(Key(v * scale));
                        e = after;
                    }

                    if (scale == 1 || alsoMantissa)
                    {
                        values.Add(Key(v));
                    }
                }

                i = e;
            }
            else
            {
                i++;
            }
        }
    }

    private static readonly long OneKey = Key(1);

    /// <summary>"double", "twice", "triple", "half": a proportion that Chinese says in words (翻一番, 一半), not a figure to check.</summary>
    private static bool IsMultiplier(ReadOnlySpan<char> word) =>
        word.Equals("double", StringComparison.OrdinalIgnoreCase) || word.Equals("twice", StringComparison.OrdinalIgnoreCase)
        || word.Equals("triple", StringComparison.OrdinalIgnoreCase) || word.Equals("half", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A number that is part of a name: glued to letters before it (COVID-19, Chang'e-4, Y3) or followed by 号 (嫦娥四号,
    /// 雪龙2号). It matches as a key, but a name rendered differently is not a figure that differs.
    /// </summary>
    private static bool IsNamePart(ReadOnlySpan<char> t, int start, int end)
    {
        int before = start > 0 && t[start - 1] is '-' or '‐' ? start - 1 : start;
        return (before > 0 && char.IsAsciiLetter(t[before - 1])) || (end < t.Length && t[end] == '号');
    }

    /// <summary>
    /// Appends the numbers of <paramref name="text"/> at their full value (350 million, not also 350), leaving out 1
    /// (一年, "one of"): the values two texts are compared on when a reviewer is told that numbers differ. Numbers that
    /// are part of names (COVID-19, 嫦娥四号, 两个一百年) go to <paramref name="names"/>: they may match the other side's
    /// figures, but a name rendered without its number is no difference.
    /// </summary>
    internal static void ExtractFullValues(ReadOnlySpan<char> text, List<long> values, List<long> names)
    {
        int before = values.Count;
        Extract(text, values, alsoMantissa: false, names);
        for (int k = values.Count - 1; k >= before; k--)
        {
            if (values[k] == OneKey)
            {
                values.RemoveAt(k);
            }
        }
    }

    /// <summary>Number keys as a reader wants them: <c>5,500,000, 30</c> (each value once).</summary>
    internal static string Show(IEnumerable<long> keys) =>
        string.Join(", ", keys.Distinct().Select(k => ValueOf(k).ToString("#,0.######", CultureInfo.InvariantCulture)));

    /// <summary>The value a key stands for (the inverse of <see cref="Key"/>, to six significant digits).</summary>
    internal static double ValueOf(long key) => BitConverter.Int64BitsToDouble(key);

    /// <summary>Reduces a value to a comparable key (six significant digits).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The key.</returns>
    public static long Key(double value)
    {
        if (value == 0)
        {
            return 0;
        }

        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(value))) - 5);
        double rounded = Math.Round(value / magnitude) * magnitude;
        return BitConverter.DoubleToInt64Bits(rounded);
    }

    private static bool IsArabicDigit(char c) => (uint)(c - '0') <= 9 || (uint)(c - '０') <= 9;

    private static int Digit(char c) => c >= '０' ? c - '０' : c - '0';

    private static int ReadArabic(ReadOnlySpan<char> t, int start, List<long> values, bool alsoMantissa, List<long>? names)
    {
        // digits with , separators (thousands) and one decimal point; full-width forms too
        Span<char> buffer = stackalloc char[64];
        int n = 0;
        int i = start;
        bool seenPoint = false;
        while (i < t.Length && n < buffer.Length)
        {
            char c = t[i];
            if (IsArabicDigit(c))
            {
                buffer[n++] = (char)('0' + Digit(c));
            }
            else if (c is ',' or '，' && !seenPoint && n > 0 && IsGroup(t, i + 1))
            {
                // thousands separator: skip
            }
            else if ((c is '.' or '．') && !seenPoint && i + 1 < t.Length && IsArabicDigit(t[i + 1]))
            {
                buffer[n++] = '.';
                seenPoint = true;
            }
            else
            {
                break;
            }

            i++;
        }

        if (!double.TryParse(buffer[..n], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            return i;
        }

        // ordinal suffixes (1st, 2nd, 18th) and scale words
        int j = i;
        if (j + 1 < t.Length && (t[j..].StartsWith("st") || t[j..].StartsWith("nd") || t[j..].StartsWith("rd") || t[j..].StartsWith("th")))
        {
            j += 2;
        }

        // "the 1970s" is 70年代 in Chinese: a decade also gives its last two digits
        if (j == i && j < t.Length && t[j] == 's' && (j + 1 == t.Length || !char.IsAsciiLetter(t[j + 1])) && value is >= 1900 and < 2100 && value % 10 == 0)
        {
            values.Add(Key(value % 100));
        }

        if (names is not null && (IsNamePart(t, start, i) || PlanFollows(t, j)))
        {
            names.Add(Key(value));
            return i;
        }

        (double scale, int after) = ReadScale(t, j);
        values.Add(Key(value * scale));
        if (scale != 1 && alsoMantissa)
        {
            values.Add(Key(value)); // "1.2 trillion" also matches a bare "1.2"
        }

        AddHectares(t, after, value * scale, values);
        return after;
    }

    /// <summary>
    /// An area in mu (亩), which translations often give in hectares (15 mu to the hectare, rounded to three figures:
    /// 1000万亩 → 667,000 hectares): the hectares are added beside the mu.
    /// </summary>
    private static void AddHectares(ReadOnlySpan<char> t, int i, double mu, List<long> values)
    {
        if (i < t.Length && t[i] == '亩' && mu > 0)
        {
            double hectares = mu / 15;
            double magnitude = Math.Pow(10, Math.Floor(Math.Log10(hectares)) - 2);
            values.Add(Key(Math.Round(hectares / magnitude) * magnitude));
        }
    }

    private static bool IsGroup(ReadOnlySpan<char> t, int i)
    {
        int k = 0; // exactly three digits follow a thousands separator
        while (i + k < t.Length && IsArabicDigit(t[i + k]))
        {
            k++;
        }

        return k == 3;
    }

    private static (double Scale, int After) ReadScale(ReadOnlySpan<char> t, int i)
    {
        int j = i;
        while (j < t.Length && t[j] == ' ')
        {
            j++;
        }

        // "550多万", "1300余亿": more than 550 ten-thousands — the scale still applies.
        if (j < t.Length && t[j] is '多' or '余' && j + 1 < t.Length && t[j + 1] is '万' or '亿' or '千' or '百')
        {
            j++;
        }

        ReadOnlySpan<char> rest = t[j..];
        if (rest.StartsWith("万亿"))
        {
            return (1e12, j + 2);
        }

        if (rest.StartsWith("万多亿") || rest.StartsWith("万余亿"))
        {
            return (1e12, j + 3); // 4万多亿: more than four trillion
        }

        if (rest.Length > 0)
        {
            switch (rest[0])
            {
                case '万': return (1e4, j + 1);
                case '亿': return (1e8, j + 1);
                case '千': return (1e3, j + 1);
                case '百' when !rest.StartsWith("百分"): return (1e2, j + 1);
            }
        }

        foreach ((string word, double scale) in Scales)
        {
            if (rest.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (rest.Length == word.Length || !char.IsAsciiLetter(rest[word.Length])))
            {
                return (scale, j + word.Length);
            }
        }

        return (1, i);
    }

    private static readonly (string Word, double Scale)[] Scales =
    [
        ("trillion", 1e12), ("billion", 1e9), ("million", 1e6), ("thousand", 1e3), ("bn", 1e9), ("mn", 1e6),
    ];

    private static bool IsChineseNumeral(char c) => ChineseDigit(c) >= 0 || ChineseUnit(c) > 0;

    private static int ChineseDigit(char c) => c switch
    {
        '〇' or '零' or '○' => 0,
        '一' or '壹' => 1,
        '二' or '两' or '贰' or '兩' => 2,
        '三' or '叁' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' or '陸' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };

    private static long ChineseUnit(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' => 1000,
        '万' or '萬' => 10_000,
        '亿' or '億' => 100_000_000,
        _ => 0,
    };

    private static int ReadChinese(ReadOnlySpan<char> t, int start, List<long> values, bool asKey, List<long>? names)
    {
        int i = start;
        while (i < t.Length && IsChineseNumeral(t[i]))
        {
            i++;
        }

        ReadOnlySpan<char> run = t[start..i];
        bool ordinal = (start > 0 && t[start - 1] == '第') || PlenumFollows(t, i);
        bool percent = start >= 3 && t[(start - 3)..start].SequenceEqual("百分之");
        bool unitFollows = i < t.Length && "年月日号届次个名位岁倍%％点大".Contains(t[i]);

        // 百年, 千年: "centenary", "century", "millennium" — words more often than figures, so a name for the review.
        if (names is not null && run.Length == 1 && ChineseUnit(run[0]) >= 100 && i < t.Length && t[i] == '年')
        {
            names.Add(Key(ChineseUnit(run[0])));
            return i;
        }

        // 万一 (in case), 千万 (by all means), 百般 …: a run that opens with a bare scale character is a word, not a number.
        if (ChineseUnit(run[0]) >= 100 && !unitFollows)
        {
            return i;
        }

        // A lone 一/两/十… inside words (统一, 一些) is too common: count it only with 第, 百分之 or a unit after it.
        if (run.Length == 1 && !(ordinal || percent || unitFollows))
        {
            return i;
        }

        if (run.Length >= 2 && run[0] == '一' && !ordinal && !percent && !unitFollows && ChineseUnit(run[1]) == 0 && ChineseDigit(run[1]) < 0)
        {
            return i;
        }

        // Shorthands that are not one number: 十三五 (the 13th Five-Year Plan: 13 and 5), 三四线 (third- and fourth-tier:
        // 3 and 4), 五四 (May 4th), and 九二共识 (the 1992 Consensus).
        if (FiveYearPlan(run) is { } plan)
        {
            if (asKey)
            {
                // As a figure it is a name ("the 13th Five-Year Plan", "this five-year period"): nothing to check.
                values.Add(Key(plan));
                values.Add(Key(5));
            }

            return i;
        }

        if (names is not null && (IsNamePart(t, start, i) || InCondensedTerm(t, start, i) || (run.SequenceEqual("一百") && start >= 2 && t[(start - 2)..start].SequenceEqual("两个"))))
        {
            // A name (嫦娥四号), a numbered abbreviation in quotes (“五位一体”, “两学一做”), or 两个一百年 (the two
            // centenary goals): the translation may spell it out without its number.
            if (ParseChinese(run) is double name and >= 0)
            {
                names.Add(Key(name));
            }

            return i;
        }

        if (run.Length == 2 && ChineseDigit(run[0]) is int first and >= 0 && ChineseDigit(run[1]) is int second and >= 0 && !ordinal && !percent)
        {
            // 六五 … 九五: the sixth to ninth Five-Year Plans; 三四, 五六: "three or four"; 五四: May 4th.
            if (second == first + 1 || (first == 5 && second == 4) || (second == 5 && first >= 6))
            {
                values.Add(Key(first));
                values.Add(Key(second));
                return i;
            }

            if ((first >= 5 || first == 0) && (!unitFollows || t[i] == '年'))
            {
                values.Add(Key((first == 0 ? 2000 : 1900) + (first * 10) + second));
                return i;
            }
        }

        double value = ParseChinese(run);
        if (value >= 0)
        {
            // 三千多万: the scale after 多 or 余 still applies.
            (double scale, int after) = i < t.Length && t[i] is '多' or '余' ? ReadScale(t, i) : (1, i);
            values.Add(Key(value * scale));
            AddHectares(t, after, value * scale, values);
            return after;
        }

        return i;
    }

    /// <summary>Whether "Five-Year Plan" follows position <paramref name="i"/> (after spaces): the number before it names the plan.</summary>
    private static bool PlanFollows(ReadOnlySpan<char> t, int i)
    {
        ReadOnlySpan<char> rest = t[i..].TrimStart(' ');
        return rest.StartsWith("Five-Year Plan", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether the numeral ending at <paramref name="end"/> numbers a plenary session: 三中全会, or one of a list
    /// 三中、四中、五中、六中全会 (the third through sixth plenary sessions).
    /// </summary>
    private static bool PlenumFollows(ReadOnlySpan<char> t, int end)
    {
        int j = end;
        while (j < t.Length && t[j] == '中')
        {
            if (t[(j + 1)..].StartsWith("全会"))
            {
                return true;
            }

            // 、四中 … : the next item of the list.
            if (j + 2 >= t.Length || t[j + 1] is not ('、' or '和' or '及' or '与'))
            {
                return false;
            }

            j += 2;
            while (j < t.Length && IsChineseNumeral(t[j]))
            {
                j++;
            }
        }

        return false;
    }

    /// <summary>Whether the numeral run [start, end) lies inside a quoted numbered abbreviation (<see cref="FeatureExtractor.IsCondensedTerm"/>).</summary>
    private static bool InCondensedTerm(ReadOnlySpan<char> t, int start, int end)
    {
        int open = t[..start].LastIndexOf('“');
        if (open < 0 || t[open..start].Contains('”'))
        {
            return false;
        }

        int close = t[end..].IndexOf('”');
        return close >= 0 && FeatureExtractor.IsCondensedTerm(t[(open + 1)..(end + close)]);
    }

    /// <summary>十二五, 十三五, 十四五 …: the plan's number (12, 13, 14), or null for any other run.</summary>
    private static int? FiveYearPlan(ReadOnlySpan<char> run)
    {
        if (run.Length != 3 || run[0] != '十' || run[2] != '五' || ChineseDigit(run[1]) is not (int d and > 0))
        {
            return null;
        }

        return 10 + d;
    }

    /// <summary>Parses a run of Chinese numerals; digit-by-digit runs (二〇一五) read as written.</summary>
    internal static double ParseChinese(ReadOnlySpan<char> run)
    {
        bool allDigits = true;
        foreach (char c in run)
        {
            if (ChineseDigit(c) < 0)
            {
                allDigits = false;
                break;
            }
        }

        if (allDigits)
        {
            double v = 0;
            foreach (char c in run)
            {
                v = v * 10 + ChineseDigit(c);
            }

            return v;
        }

        long total = 0, section = 0, digit = -1;
        foreach (char c in run)
        {
            int d = ChineseDigit(c);
            if (d >= 0)
            {
                digit = d;
                continue;
            }

            long unit = ChineseUnit(c);
            if (unit >= 10_000)
            {
                section += Math.Max(digit, 0);
                total = (total + section) * unit;
                section = 0;
            }
            else
            {
                section += (digit < 0 ? 1 : digit) * unit;
            }

            digit = -1;
        }

        return total + section + Math.Max(digit, 0);
    }
}
