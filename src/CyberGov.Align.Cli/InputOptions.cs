using System.CommandLine;
using CyberGov.Align.Documents;
using CyberGov.Align.Text;

namespace CyberGov.Align.Cli;

/// <summary>Options for reading input files, shared by the commands.</summary>
internal sealed class InputOptions
{
    public Option<bool> PreSplit { get; } = new("--presplit") { Description = "Every line is already one sentence (no segmentation); blank lines separate paragraphs." };

    public Option<bool> LineParagraphs { get; } = new("--line-paragraphs") { Description = "Every line is a paragraph (default: paragraphs are separated by blank lines)." };

    public Option<string?> Encoding { get; } = new("--encoding") { Description = "Encoding of files without a byte-order mark: utf-8 or gb18030 (default: utf-8, or gb18030 when the bytes are GB18030 Chinese and not UTF-8)." };

    public Option<string?> SourceEncoding { get; } = new("--source-encoding") { Description = "Encoding of the source file (overrides --encoding for it)." };

    public Option<string?> TargetEncoding { get; } = new("--target-encoding") { Description = "Encoding of the target file (overrides --encoding for it)." };

    public Option<bool> ForceLanguage { get; } = new("--force-lang") { Description = "Use the declared language even when the text's script says otherwise." };

    public Option<bool> ReplaceInvalid { get; } = new("--replace-invalid") { Description = "Replace invalid bytes with U+FFFD instead of failing." };

    public Option<bool> SemicolonBreaks { get; } = new("--zh-semicolon") { Description = "Let the Chinese semicolon ；end a sentence." };

    public Option<InputFormat> Format { get; } = new("--input-format") { Description = "Kind of the input files: auto (from their content), text, html, docx or pdf.", DefaultValueFactory = _ => InputFormat.Auto };

    public Option<bool> Notes { get; } = new("--notes") { Description = "Word files: read footnotes and endnotes too (after the body)." };

    public Option<FileInfo?> Abbreviations { get; } = new("--abbreviations") { Description = "A file of extra English abbreviations (one per line; 'ambiguous' after a tab marks those that may end a sentence)." };

    /// <summary>Adds the options; <paramref name="twoFiles"/> adds --source-encoding and --target-encoding.</summary>
    public void AddTo(Command command, bool twoFiles = false)
    {
        command.Options.Add(PreSplit);
        command.Options.Add(LineParagraphs);
        command.Options.Add(Encoding);
        if (twoFiles)
        {
            command.Options.Add(SourceEncoding);
            command.Options.Add(TargetEncoding);
        }

        command.Options.Add(ForceLanguage);
        command.Options.Add(ReplaceInvalid);
        command.Options.Add(SemicolonBreaks);
        command.Options.Add(Abbreviations);
        command.Options.Add(Format);
        command.Options.Add(Notes);
    }

    /// <summary>The reading settings of the source file (--source-encoding, else --encoding).</summary>
    public InputSpec ResolveSource(ParseResult parse) => Resolve(parse, parse.GetValue(SourceEncoding) is { } e ? (e, "--source-encoding") : null);

    /// <summary>The reading settings of the target file (--target-encoding, else --encoding).</summary>
    public InputSpec ResolveTarget(ParseResult parse) => Resolve(parse, parse.GetValue(TargetEncoding) is { } e ? (e, "--target-encoding") : null);

    /// <summary>The reading settings of a single file (--encoding).</summary>
    public InputSpec Resolve(ParseResult parse) => Resolve(parse, null);

    private InputSpec Resolve(ParseResult parse, (string? Name, string Option)? sideEncoding)
    {
        (string? encodingName, string option) = sideEncoding ?? (parse.GetValue(Encoding), "--encoding");
        System.Text.Encoding? encoding = encodingName?.Trim().ToUpperInvariant() switch
        {
            null => null,
            "UTF-8" or "UTF8" => new System.Text.UTF8Encoding(false),
            "GB18030" or "GBK" or "GB2312" => DocumentReader.GB18030,
            "UTF-16" or "UTF16" => System.Text.Encoding.Unicode,
            _ => throw new ArgumentException($"{option}: unknown encoding '{encodingName}': use utf-8, utf-16 or gb18030"),
        };

        var segmenter = Segmentation.SegmenterOptions.Default;
        if (parse.GetValue(Abbreviations) is { } file)
        {
            using StreamReader reader = file.OpenText();
            segmenter = segmenter with { Abbreviations = Segmentation.AbbreviationSet.Load(reader, segmenter.Abbreviations) };
        }

        if (parse.GetValue(SemicolonBreaks))
        {
            segmenter = segmenter with { ChineseSemicolonEndsSentence = true };
        }

        bool preSplit = parse.GetValue(PreSplit);
        bool lines = parse.GetValue(LineParagraphs);
        if (preSplit && lines)
        {
            throw new ArgumentException("--presplit and --line-paragraphs cannot be used together");
        }

        var read = new ReadOptions
        {
            Encoding = encoding,
            ReplaceInvalidBytes = parse.GetValue(ReplaceInvalid),
            ParagraphMode = preSplit ? ParagraphMode.PreSplit : lines ? ParagraphMode.Lines : ParagraphMode.BlankLines,
            Segmenter = segmenter,
            ForceLanguage = parse.GetValue(ForceLanguage),
        };
        return new InputSpec(read, parse.GetValue(Format), parse.GetValue(Notes));
    }

    public static Language ParseLanguage(string? code, string optionName)
    {
        if (code is null)
        {
            return Language.Unknown;
        }

        return LanguageCodes.TryParse(code, out Language language)
            ? language
            : throw new ArgumentException($"{optionName}: unknown language '{code}': use en or zh");
    }
}

/// <summary>How to read one input file: the core's reading settings, the file's kind and whether Word notes are read.</summary>
/// <param name="Read">Encoding, paragraph and segmenter settings.</param>
/// <param name="Format">The file's kind (auto: from its content).</param>
/// <param name="Notes">Word files: footnotes and endnotes too.</param>
internal sealed record InputSpec(ReadOptions Read, InputFormat Format, bool Notes)
{
    public Document Load(string path, Language language) => DocumentLoader.LoadFile(path, language, Read, Format, Notes);
}
