using System.CommandLine;
using CyberGov.Align.Alignment;
using CyberGov.Align.Formats;
using CyberGov.Align.Scoring;
using CyberGov.Align.Text;

namespace CyberGov.Align.Cli;

/// <summary>The options that say how to read, align and write, shared by <c>align</c> and <c>batch</c>.</summary>
internal sealed class AlignSettings
{
    public static readonly string[] FormatNames = [.. AlignmentFormats.Names.Order(StringComparer.Ordinal), "intertext", "moses"];

    public Option<string?> SourceLang { get; } = new("--source-lang") { Description = "Language of the source: zh or en (default: detected; in batch: zh)." };

    public Option<string?> TargetLang { get; } = new("--target-lang") { Description = "Language of the target: zh or en (default: detected; in batch: the other one)." };

    public Option<string?> Format { get; } = new("--format", "-f") { Description = "Output format: " + string.Join(", ", FormatNames) + ". Default: from the output's extension (.tsv .align .tmx .jsonl .ladder .html .xlf), else tsv." };

    public Option<bool> NoNullBeads { get; } = new("--no-null-beads") { Description = "Leave omissions and additions (1-0, 0-1 beads) out of tsv, index, tmx and jsonl output." };

    public Option<bool> NoFlags { get; } = new("--no-flags") { Description = "Leave the review's findings (omissions, differing numbers, partial omissions…) out of jsonl (flags) and tmx (x-flag) output, and skip computing them." };

    public Option<string?> Title { get; } = new("--title") { Description = "Title of the html report (default: both file names and their folder)." };

    public Option<FileInfo[]> Glossary { get; } = new("--glossary") { Description = "TSV glossary of term pairs (Chinese<TAB>English); may be repeated." };

    public Option<FileInfo?> Dictionary { get; } = new("--dictionary") { Description = "Use this dictionary instead of the bundled one: a file written by 'cyberalign dictionary build' (or a CC-CEDICT file, compiled on the fly)." };

    public Option<bool> NoDictionary { get; } = new("--no-dictionary") { Description = "Do not use the bundled CC-CEDICT dictionary." };

    public Option<FileInfo?> Lexicon { get; } = new("--lexicon") { Description = "Also use this learned lexicon (written by --lexicon-out): its translations add to the dictionary's." };

    public Option<string?> LexiconOut { get; } = new("--lexicon-out") { Description = "Write the lexicon learned from the aligned text (TSV: chinese, english, probability, count, occurrences) to this file, for --lexicon in later runs; in batch, learned over all pairs aligned in this run (pairs skipped on resume do not count: use --force)." };

    public Option<bool> Learn { get; } = new("--learn") { Description = "Learn a translation lexicon from each document pair (IBM Model 1 over the confident beads) and align again with it: names and usages the dictionary lacks become evidence. About 1.4 times the time of aligning without it." };

    public Option<bool> NoParagraphs { get; } = new("--no-paragraphs") { Description = "Ignore paragraph structure." };

    public Option<string[]> Weights { get; } = new("--weight") { Description = "Override a scoring weight, NAME=VALUE (names: " + string.Join(", ", AlignerOptionOverrides.Names) + "); may be repeated." };

    public InputOptions Input { get; } = new();

    public AlignSettings() => Format.AcceptOnlyFromAmong(FormatNames);

    public void AddTo(Command command)
    {
        command.Options.Add(SourceLang);
        command.Options.Add(TargetLang);
        command.Options.Add(Format);
        command.Options.Add(NoNullBeads);
        command.Options.Add(NoFlags);
        command.Options.Add(Title);
        command.Options.Add(Glossary);
        command.Options.Add(Dictionary);
        command.Options.Add(NoDictionary);
        command.Options.Add(Lexicon);
        command.Options.Add(LexiconOut);
        command.Options.Add(Learn);
        command.Options.Add(NoParagraphs);
        command.Options.Add(Weights);
        Input.AddTo(command, twoFiles: true);
    }

    /// <summary>Starts loading the bundled dictionary in the background (unless --no-dictionary), so it overlaps reading the inputs.</summary>
    public void PreloadDictionary(ParseResult parse)
    {
        if (!parse.GetValue(NoDictionary) && parse.GetValue(Dictionary) is null)
        {
            _ = Task.Run(() => BilingualLexicon.Default);
        }
    }

    public AlignerBuilder CreateBuilder(ParseResult parse)
    {
        var builder = new AlignerBuilder();
        if (parse.GetValue(NoDictionary))
        {
            if (parse.GetValue(Dictionary) is not null)
            {
                throw new ArgumentException("--dictionary and --no-dictionary contradict each other: give one");
            }

            builder.UseDictionary(BilingualLexicon.Empty);
        }
        else if (parse.GetValue(Dictionary) is { } dictionary)
        {
            builder.UseDictionary(BilingualLexicon.LoadFile(dictionary.FullName));
        }

        foreach (FileInfo g in parse.GetValue(Glossary) ?? [])
        {
            builder.UseGlossary(g.FullName);
        }

        if (parse.GetValue(Lexicon) is { } lexicon)
        {
            builder.UseLearnedLexicon(LearnedLexicon.LoadFile(lexicon.FullName));
        }

        if (parse.GetValue(Learn))
        {
            builder.Configure(o => o with { LearnLexicon = true });
        }

        if (parse.GetValue(NoParagraphs))
        {
            builder.Configure(o => o with { UseParagraphs = false });
        }

        foreach (string w in parse.GetValue(Weights) ?? [])
        {
            builder.Configure(o => AlignerOptionOverrides.Apply(o, w));
        }

        return builder;
    }

    /// <summary>With --lexicon-out, learns a lexicon from <paramref name="alignments"/> and writes it there.</summary>
    public void SaveLexicon(ParseResult parse, Aligner aligner, IEnumerable<AlignmentResult> alignments, CancellationToken cancellationToken)
    {
        if (parse.GetValue(LexiconOut) is { } path)
        {
            LearnedLexicon lexicon = aligner.LearnLexicon(alignments, cancellationToken);
            AtomicFile.Write(path, lexicon.Save);
        }
    }

    public (Language Source, Language Target) Languages(ParseResult parse) =>
        (InputOptions.ParseLanguage(parse.GetValue(SourceLang), "--source-lang"), InputOptions.ParseLanguage(parse.GetValue(TargetLang), "--target-lang"));

    public WriterOptions WriterOptions(ParseResult parse) => new() { IncludeNullBeads = !parse.GetValue(NoNullBeads), IncludeFlags = !parse.GetValue(NoFlags), Title = parse.GetValue(Title) };

    /// <summary>The format to write: --format, else the output's extension, else tsv.</summary>
    public string ResolveFormat(ParseResult parse, string? outputPath) =>
        parse.GetValue(Format) ?? (AlignmentFormats.TryFromExtension(outputPath, out string f) ? f : "tsv");
}
