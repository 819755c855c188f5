using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using CyberGov.Align.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace CyberGov.Align.Documents;

/// <summary>
/// The text of a PDF as paragraphs, in reading order (PdfPig's glyphs and their positions; rows, columns, lines and
/// paragraphs are made here).
/// Running headers and footers and page numbers are removed; lines are joined into paragraphs where the gap between
/// them is less than a line, and across a page or column break when the last line does not end a sentence or fills
/// its line; English words hyphenated at a line end are joined (keeping the hyphen when the document writes the word
/// with one), lines inside Chinese text are joined without a space; CJK radicals that PDF printers write for ordinary
/// characters (⼤ for 大) are mapped back, and so are the Latin ligatures a printer draws as one glyph (ﬁ for fi).
/// Each paragraph's origin is the page and line it starts on.
/// </summary>
public static partial class PdfReader
{
    /// <summary>Radicals and the ideographs drawn with the same glyph (scripts/cjk-radicals.py, from Noto Sans CJK's character map).</summary>
    private const string Radicals = "⺂⺃⺅⺉⺋⺎⺏⺐⺒⺓⺔⺕⺖⺘⺙⺛⺞⺟⺠⺡⺣⺤⺦⺨⺫⺭⺯⺰⺱⺲⺳⺹⺺⺾⺿⻂⻃⻄⻅⻆⻈⻉⻋⻌⻍⻎⻐⻑⻒⻓⻔⻖⻘⻙⻚⻛⻜⻝⻟⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻱⻲⻳⼀⼁⼂⼃⼄⼅⼆⼇⼈⼉⼊⼋⼌⼍⼎⼏⼐⼑⼒⼓⼔⼕⼖⼗⼘⼙⼚⼛⼜⼝⼞⼟⼠⼡⼢⼣⼤⼥⼦⼧⼨⼩⼪⼫⼬⼭⼮⼯⼰⼱⼲⼳⼴⼵⼶⼷⼸⼹⼺⼻⼼⼽⼾⼿⽀⽁⽂⽃⽄⽅⽆⽇⽈⽉⽊⽋⽌⽍⽎⽏⽐⽑⽒⽓⽔⽕⽖⽗⽘⽙⽚⽛⽜⽝⽞⽟⽠⽡⽢⽣⽤⽥⽦⽧⽨⽩⽪⽫⽬⽭⽮⽯⽰⽱⽲⽳⽴⽵⽶⽷⽸⽹⽺⽻⽼⽽⽾⽿⾀⾁⾂⾃⾄⾅⾆⾇⾈⾉⾊⾋⾌⾍⾎⾏⾐⾑⾒⾓⾔⾕⾖⾗⾘⾙⾚⾛⾜⾝⾞⾟⾠⾡⾢⾣⾤⾥⾦⾧⾨⾩⾪⾫⾬⾭⾮⾯⾰⾱⾲⾳⾴⾵⾶⾷⾸⾹⾺⾻⾼⾽⾾⾿⿀⿁⿂⿃⿄⿅⿆⿇⿈⿉⿊⿋⿌⿍⿎⿏⿐⿑⿒⿓⿔⿕";
    private const string Ideographs = "乛乚亻刂㔾兀尣尢巳幺彑彐忄扌攵旡歺母民氵灬爫丬犭罒礻糹纟罓罒㓁耂肀艹艹衤覀西见角讠贝车辶辶辶钅長镸长门阝青韦页风飞食飠饣马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀龟一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈户手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠";

    private static readonly Dictionary<char, char> RadicalMap = BuildRadicalMap();

    /// <summary>The letters of the Latin ligatures U+FB00 to U+FB06 (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ), which a PDF's text may carry for one glyph.</summary>
    private static readonly string[] Ligatures = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"];

    /// <summary>Reads a PDF's text.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="name">The file name, for messages.</param>
    /// <returns>The paragraphs.</returns>
    /// <exception cref="InputFormatException">An encrypted, corrupt or image-only PDF.</exception>
    public static List<SourceParagraph> Read(byte[] bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        List<List<Line>> pages;
        try
        {
            pages = ReadPages(bytes);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            throw Unreadable(ex.InnerExceptions[0], name); // a page worker's failure
        }
        catch (Exception ex) when (ex is PdfDocumentEncryptedException or PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
        {
            throw Unreadable(ex, name);
        }

        if (pages.All(p => p.Count == 0))
        {
            throw new InputFormatException(name, 0, -1, "is a PDF with no text layer (scanned pages?): run OCR first");
        }

        RemoveRunningLines(pages);
        foreach (List<Line> page in pages)
        {
            for (int k = 0; k < page.Count; k++)
            {
                page[k].Number = k + 1;
            }
        }

        foreach (IGrouping<(int, int), Line> column in pages.SelectMany(p => p).GroupBy(l => (l.Page, l.Column)))
        {
            double left = column.Min(l => l.Left), right = column.Max(l => l.Right);
            foreach (Line l in column)
            {
                (l.ColumnLeft, l.ColumnRight) = (left, right);
            }
        }

        List<SourceParagraph> paragraphs = Paragraphs(pages);
        if (paragraphs.Count == 0)
        {
            throw new InputFormatException(name, 0, -1, "is a PDF with no text besides headers and footers");
        }

        return paragraphs;
    }

    /// <summary>What the parser's failure means for the user: an encrypted PDF, or one that cannot be read.</summary>
    private static InputFormatException Unreadable(Exception ex, string name) => ex is PdfDocumentEncryptedException
        ? new InputFormatException(name, 0, -1, "is an encrypted PDF: remove the password protection first")
        : new InputFormatException(name, 0, -1, $"is not a readable PDF: {ex.Message}");

    /// <summary>Whether a baseline lies in the top or bottom eighth of the page, where running headers and footers stand.</summary>
    private static bool InMarginBand(double baseline, double pageHeight) => baseline > pageHeight * 7 / 8 || baseline < pageHeight / 8;

    /// <summary>
    /// The lines of every page. Pages are read on all cores, each worker with its own view of the file (the parser is
    /// not thread-safe), in runs of consecutive pages so that each parses a font once; the result is in page order.
    /// </summary>
    private static List<List<Line>> ReadPages(byte[] bytes)
    {
        int count;
        using (PdfDocument pdf = PdfDocument.Open(bytes))
        {
            count = pdf.NumberOfPages;
        }

        var pages = new List<Line>[count];
        int workers = Math.Clamp(count / 8, 1, Environment.ProcessorCount);
        Parallel.For(0, workers, w =>
        {
            using PdfDocument pdf = PdfDocument.Open(bytes);
            pdf.AddPageFactory<GlyphPage, GlyphPageFactory>();
            try
            {
                for (int p = (w * count / workers) + 1; p <= (w + 1) * count / workers; p++)
                {
                    pages[p - 1] = ReadLines(pdf.GetPage<GlyphPage>(p));
                }
            }
            finally
            {
                GlyphPageFactory.ReleaseBuffer();
            }
        });
        return [.. pages];
    }

    /// <summary>One line of text with its place on the page and its column (<see cref="ColumnRight"/>: the column's right edge, once headers and footers are gone).
    /// <paramref name="FirstWord"/> is the width of its first word (a CJK character with the punctuation that must follow it).</summary>
    private sealed record Line(string Text, double Left, double Right, double Baseline, double FontSize, int Page, double PageHeight, int Column, double FirstWord)
    {
        public double ColumnLeft { get; set; }

        public double ColumnRight { get; set; }

        /// <summary>The line's number on its page (1 for the first line of text below any running header).</summary>
        public int Number { get; set; }

        /// <summary>Whether the line starts further in than its column (a first-line indent).</summary>
        public bool Indented => Left - ColumnLeft > 0.8 * Math.Max(1, FontSize);
    }

    /// <summary>
    /// The lines of a page in reading order, from its glyphs: glyphs on one baseline make a row, in the order of their
    /// positions (a word extractor can interleave glyphs that kerning pulls together, such as 」、「); a row splits
    /// where a gap is wider than two characters (a column gutter); the pieces are grouped into columns by overlapping
    /// horizontal extent and read left to right, each top to bottom. Rows and their pieces are ranges of the page's
    /// glyph buffer, sorted in place.
    /// </summary>
    private static List<Line> ReadLines(GlyphPage page)
    {
        List<Glyph> buffer = page.Glyphs;
        buffer.Sort();
        Span<Glyph> glyphs = CollectionsMarshal.AsSpan(buffer);

        // Rows: glyphs whose baselines lie within a third of a character of the row's first; each row in order of
        // position, split at gutters into segments.
        var segments = new List<Range>();
        bool gutters = false;
        for (int start = 0, k = 1; start < glyphs.Length; k++)
        {
            if (k == glyphs.Length || Math.Abs(glyphs[start].Y - glyphs[k].Y) > Math.Max(1, glyphs[k].PointSize) / 3)
            {
                gutters |= Split(glyphs, start, k, segments) > 1 && InBody(glyphs[start]);
                start = k;
            }
        }

        if (segments.Count == 0)
        {
            return [];
        }

        if (!gutters)
        {
            // One column: the rows from top to bottom.
            var rows = new List<Line>(segments.Count);
            foreach (Range segment in segments)
            {
                rows.Add(NewLine(page, glyphs[segment], 0));
            }

            return rows;
        }

        // Columns: segments that overlap horizontally belong together.
        var columns = new List<(double Left, double Right, List<Range> Segments)>();
        foreach (Range range in segments)
        {
            // The column that holds most of the segment, if one holds half of it.
            ReadOnlySpan<Glyph> segment = glyphs[range];
            double left = segment[0].X, right = segment[^1].EndX;
            int c = -1;
            double most = 0.5 * Math.Max(1, right - left);
            for (int k = 0; k < columns.Count; k++)
            {
                double overlap = Math.Min(columns[k].Right, right) - Math.Max(columns[k].Left, left);
                if (overlap >= most)
                {
                    (c, most) = (k, overlap);
                }
            }

            if (c < 0)
            {
                columns.Add((left, right, [range]));
            }
            else
            {
                columns[c] = (Math.Min(columns[c].Left, left), Math.Max(columns[c].Right, right), columns[c].Segments);
                columns[c].Segments.Add(range);
            }
        }

        var lines = new List<Line>();
        int number = 0;
        foreach ((double _, double _, List<Range> column) in columns.OrderBy(c => c.Left))
        {
            foreach (Range segment in column.OrderByDescending(r => buffer[r.Start.Value].Y))
            {
                lines.Add(NewLine(page, CollectionsMarshal.AsSpan(buffer)[segment], number));
            }

            number++;
        }

        return lines;

        // Headers and footers (date and title, address and page number) are far apart but are not columns.
        bool InBody(Glyph l) => !InMarginBand(l.Y, page.Height);
    }

    /// <summary>A row's glyphs as a line of the page.</summary>
    private static Line NewLine(GlyphPage page, ReadOnlySpan<Glyph> segment, int column)
    {
        double size = 0;
        foreach (Glyph g in segment)
        {
            size = Math.Max(size, g.PointSize);
        }

        return new(LineText(segment), segment[0].X, segment[^1].EndX, segment[0].Y, size, page.Number, page.Height, column, FirstWordWidth(segment));
    }

    /// <summary>
    /// Puts a row (<paramref name="start"/> to <paramref name="end"/>) in order of position, adds its pieces split at
    /// gutters to <paramref name="segments"/> without the spaces at their ends, and returns how many there were.
    /// </summary>
    private static int Split(Span<Glyph> glyphs, int start, int end, List<Range> segments)
    {
        Span<Glyph> row = glyphs[start..end];
        row.Sort(static (a, b) => a.X != b.X ? a.X.CompareTo(b.X) : a.Order.CompareTo(b.Order));
        int before = segments.Count;
        int from = 0;
        for (int k = 1; k <= row.Length; k++)
        {
            if (k == row.Length || row[k].X - row[k - 1].EndX > 2 * Math.Max(1, row[k].PointSize))
            {
                // Spaces at either end of a piece say nothing and would stretch its extent.
                int first = from, last = k - 1;
                while (first <= last && row[first].IsBlank)
                {
                    first++;
                }

                while (last >= first && row[last].IsBlank)
                {
                    last--;
                }

                if (first <= last)
                {
                    segments.Add((start + first)..(start + last + 1));
                }

                from = k;
            }
        }

        return segments.Count - before;
    }

    /// <summary>The width of a line's first word: Latin letters up to a space, or one CJK character with the closing punctuation after it.</summary>
    private static double FirstWordWidth(ReadOnlySpan<Glyph> line)
    {
        int k = 0;
        if (line[0].Value.Length > 0 && CharClass.IsCjk(line[0].Value[0]))
        {
            while (k + 1 < line.Length && line[k + 1].Value.Length > 0 && "，。、；：！？”’）》」』".Contains(line[k + 1].Value[0], StringComparison.Ordinal))
            {
                k++;
            }
        }
        else
        {
            while (k + 1 < line.Length && !line[k + 1].IsBlank && !(line[k + 1].Value.Length > 0 && CharClass.IsCjk(line[k + 1].Value[0])))
            {
                k++;
            }
        }

        return line[k].EndX - line[0].X;
    }

    /// <summary>
    /// A line's glyphs as text: a space glyph or a gap wider than a fifth of a character is a space, radicals become ideographs, Latin
    /// ligatures (ﬁ) become their letters, and no space is kept where a CJK character meets another character that is not Latin.
    /// </summary>
    private static string LineText(ReadOnlySpan<Glyph> line)
    {
        var text = new StringBuilder(line.Length + 8);
        for (int k = 0; k < line.Length; k++)
        {
            bool blank = line[k].IsBlank;
            bool space = blank || (k > 0 && line[k].X - line[k - 1].EndX > Math.Max(1, line[k].PointSize) / 5);
            if (space)
            {
                if (text.Length > 0 && text[^1] != ' ')
                {
                    text.Append(' ');
                }

                if (blank)
                {
                    continue;
                }
            }

            foreach (char c in line[k].Value)
            {
                if (c is >= '\uFB00' and <= '\uFB06')
                {
                    text.Append(Ligatures[c - '\uFB00']);
                }
                else
                {
                    text.Append(RadicalMap.TryGetValue(c, out char ideograph) ? ideograph : c);
                }
            }
        }

        if (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }

        for (int i = text.Length - 2; i > 0; i--)
        {
            if (text[i] == ' ' && ((CharClass.IsCjk(text[i - 1]) && !char.IsAsciiLetterOrDigit(text[i + 1])) || (CharClass.IsCjk(text[i + 1]) && !char.IsAsciiLetterOrDigit(text[i - 1]))))
            {
                text.Remove(i, 1);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Drops running headers and footers: lines in the top or bottom eighth of a page that recur (digits aside) on half
    /// the pages or more, that are set smaller than the body text, or that are only a page number.
    /// </summary>
    private static void RemoveRunningLines(List<List<Line>> pages)
    {
        double body = Median(pages.SelectMany(p => p).Select(l => l.FontSize));
        var recurring = pages.SelectMany(p => p.Where(InMargin).Select(l => Shape(l.Text)).Distinct())
            .GroupBy(s => s).Where(g => g.Count() >= Math.Max(2, (pages.Count + 1) / 2)).Select(g => g.Key).ToHashSet();
        foreach (List<Line> page in pages)
        {
            page.RemoveAll(l => InMargin(l) && (recurring.Contains(Shape(l.Text)) || PageNumber().IsMatch(l.Text.Trim()) || l.FontSize < 0.8 * body));
        }

        static bool InMargin(Line l) => InMarginBand(l.Baseline, l.PageHeight);

        static string Shape(string text) => Regex.Replace(text.Trim(), "[0-9０-９]+", "#");
    }

    private static List<SourceParagraph> Paragraphs(List<List<Line>> pages)
    {
        List<Line> lines = [.. pages.SelectMany(p => p)];
        var words = new Lazy<HashSet<string>>(() => WordsOf(lines)); // needed only where a line ends with a hyphen

        // The lowest baseline of the text area and the distance of baselines inside a paragraph, to tell whether a
        // page ended with room for one more line.
        double floor = lines.Min(l => l.Baseline);
        double pitch = Median(lines.Zip(lines.Skip(1)).Where(p => p.First.Page == p.Second.Page && p.Second.Baseline < p.First.Baseline
            && p.First.Baseline - p.Second.Baseline <= 2 * Math.Max(1, p.First.FontSize)).Select(p => p.First.Baseline - p.Second.Baseline));
        var paragraphs = new List<SourceParagraph>();
        // For each line, how many lines its block runs on the same page (to recognise two lines carried over so that
        // a paragraph does not leave one line alone on a page).
        var run = new int[lines.Count];
        for (int k = lines.Count - 1; k >= 0; k--)
        {
            run[k] = k + 1 < lines.Count && SameBlock(lines[k], lines[k + 1]) ? run[k + 1] + 1 : 1;
        }

        // Indented first lines, where the layout has them (most lines after a paragraph gap are indented), mark every
        // paragraph start, across page breaks too.
        var afterGaps = lines.Zip(lines.Skip(1)).Where(p => p.Second.Page == p.First.Page && p.Second.Baseline < p.First.Baseline && !SameBlock(p.First, p.Second)).Select(p => p.Second).ToList();
        bool indents = afterGaps.Count >= 3 && afterGaps.Count(l => l.Indented) >= 0.8 * afterGaps.Count;

        var text = new StringBuilder();
        int page = 0, number = 0;
        Line? previous = null;
        for (int k = 0; k < lines.Count; k++)
        {
            Line line = lines[k];
            if (previous is not null && (indents ? line.Indented || (!SameBlock(previous, line) && line.Page == previous.Page && line.Baseline < previous.Baseline) : Breaks(previous, line, floor, pitch, run[k])))
            {
                Flush();
            }

            if (text.Length == 0)
            {
                (page, number) = (line.Page, line.Number);
                text.Append(line.Text);
            }
            else
            {
                Join(text, line.Text, words);
            }

            previous = line;
        }

        Flush();
        return paragraphs;

        void Flush()
        {
            if (text.Length > 0)
            {
                paragraphs.Add(new SourceParagraph(text.ToString(), string.Create(CultureInfo.InvariantCulture, $"page {page}, line {number}")));
                text.Clear();
            }
        }
    }

    /// <summary>Whether two consecutive lines are in one column of one page with no paragraph gap between them.</summary>
    private static bool SameBlock(Line previous, Line line)
    {
        double em = Math.Max(1, Math.Min(previous.FontSize, line.FontSize));
        return line.Page == previous.Page && line.Baseline < previous.Baseline
            && previous.Baseline - line.Baseline <= 2 * em && Math.Abs(previous.FontSize - line.FontSize) <= 0.15 * em;
    }

    /// <summary>Whether a paragraph ends between two consecutive lines (<paramref name="run"/>: lines in the block that <paramref name="line"/> starts).</summary>
    private static bool Breaks(Line previous, Line line, double floor, double pitch, int run)
    {
        if (line.Page == previous.Page && line.Baseline < previous.Baseline)
        {
            // Further down the same column: baselines two characters apart or more (a paragraph's margin between
            // lines set about one and a half apart) end the paragraph, as does a change of size (a heading).
            return !SameBlock(previous, line);
        }

        // A new page or column. Had the next line's first word fitted in the room left at the end of the last line,
        // the line would not have wrapped there: the paragraph ended. A page that ended after a sentence end with room
        // left below also ended its paragraph (the next one needed room for its margin too) — unless the room is one
        // line and exactly two lines follow, carried over so as not to leave one alone. A filled last line that ends
        // a sentence on a page with no room left says nothing either way: the paragraph is taken to go on.
        double em = Math.Max(1, Math.Min(previous.FontSize, line.FontSize));
        double shortBy = previous.ColumnRight - previous.Right;
        if (shortBy > line.FirstWord + (em / 3))
        {
            return true;
        }

        bool roomForOne = line.Page != previous.Page && previous.Baseline - pitch >= floor - (em / 4);
        bool roomForTwo = line.Page != previous.Page && previous.Baseline - (2 * pitch) >= floor - (em / 4);
        return EndsSentence(previous.Text) && (roomForTwo || (roomForOne && run != 2));
    }

    private static bool EndsSentence(string text)
    {
        string t = text.TrimEnd().TrimEnd('"', '”', '’', '\'', ')', '）', '」', '』');
        return t.Length == 0 || t[^1] is '.' or '!' or '?' or '。' or '！' or '？' or ':' or '：' or ';' or '；';
    }

    /// <summary>Appends a line to a paragraph: a word broken by a hyphen is joined, a line break next to a CJK character disappears, any other becomes a space.</summary>
    private static void Join(StringBuilder text, string line, Lazy<HashSet<string>> words)
    {
        if (line.Length == 0)
        {
            return;
        }

        char last = text[^1];
        if (last == '-' && text.Length > 1 && char.IsLetterOrDigit(text[^2]) && char.IsLetterOrDigit(line[0]))
        {
            // "inter-" + "national": the hyphen goes when the document writes the word without it elsewhere and never
            // with it; "Five-" + "Year" and "9.1-" + "percent" keep it. Either way the line break is no space.
            int start = text.Length - 1;
            while (start > 0 && char.IsLetter(text[start - 1]))
            {
                start--;
            }

            string head = text.ToString(start, text.Length - 1 - start);
            int end = 0;
            while (end < line.Length && char.IsLetter(line[end]))
            {
                end++;
            }

            string tail = line[..end];
            if (tail is "and" or "or" or "to" or "nor")
            {
                text.Append(' ').Append(line); // a suspended hyphen: "market- and law-based"
                return;
            }

            if (head.Length > 0 && tail.Length > 0 && char.IsLower(tail[0]) && words.Value.Contains((head + tail).ToLowerInvariant()) && !words.Value.Contains((head + "-" + tail).ToLowerInvariant()))
            {
                text.Length--;
            }

            text.Append(line);
            return;
        }

        if (last == '—' || CharClass.IsCjk(last) || CharClass.IsCjk(line[0]))
        {
            text.Append(line);
            return;
        }

        text.Append(' ').Append(line);
    }

    /// <summary>The document's words in lower case (with inner hyphens), to decide line-end hyphens.</summary>
    private static HashSet<string> WordsOf(List<Line> lines)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (Line line in lines)
        {
            foreach (Match m in Word().Matches(line.Text))
            {
                words.Add(m.Value.ToLowerInvariant());
            }
        }

        return words;
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }

    private static Dictionary<char, char> BuildRadicalMap()
    {
        var map = new Dictionary<char, char>(Radicals.Length);
        for (int i = 0; i < Radicals.Length; i++)
        {
            map[Radicals[i]] = Ideographs[i];
        }

        return map;
    }

    [GeneratedRegex(@"^(?:[-–—]?\s*\d+\s*[-–—]?|\d+\s*/\s*\d+|page\s+\d+(\s+of\s+\d+)?|第\s*\d+\s*页(\s*共\s*\d+\s*页)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\p{L}+(?:-\p{L}+)*")]
    private static partial Regex Word();
}
