using System.CommandLine;
using CyberGov.Align.Text;

namespace CyberGov.Align.Cli;

/// <summary>Options for reading input files, shared by the commands.</summary>
internal sealed class InputOptions
{
    public Option<bool> PreSplit { get; } = new("--presplit") { Description = "Every line is already one sentence (no segmentation); blank lines separate paragraphs." };

    public Option<bool> LineParagraphs { get; } = new("--line-paragraphs") { Description = "Every line is a paragraph (default: paragraphs are separated by blank lines)." };

    public Option<string?> Encoding { get; } = new("--encoding") { Description = "Encoding of files without a byte-order mark: utf-8 (default) or gb18030." };

    public Option<bool> ReplaceInvalid { get; } = new("--replace-invalid") { Description = "Replace invalid bytes with U+FFFD instead of failing." };

    public Option<bool> SemicolonBreaks { get; } = new("--zh-semicolon") { Description = "Let the Chinese semicolon ；end a sentence." };

    public Option<FileInfo?> Abbreviations { get; } = new("--abbreviations") { Description = "A file of extra English abbreviations (one per line; 'ambiguous' after a tab marks those that may end a sentence)." };

    public void AddTo(Command command)
    {
        command.Options.Add(PreSplit);
        command.Options.Add(LineParagraphs);
        command.Options.Add(Encoding);
        command.Options.Add(ReplaceInvalid);
        command.Options.Add(SemicolonBreaks);
        command.Options.Add(Abbreviations);
    }

    public ReadOptions Resolve(ParseResult parse)
    {
        string? encodingName = parse.GetValue(Encoding);
        System.Text.Encoding? encoding = encodingName?.Trim().ToUpperInvariant() switch
        {
            null or "" or "UTF-8" or "UTF8" => null,
            "GB18030" or "GBK" or "GB2312" => DocumentReader.GB18030,
            "UTF-16" or "UTF16" => System.Text.Encoding.Unicode,
            _ => throw new ArgumentException($"unknown encoding '{encodingName}': use utf-8, utf-16 or gb18030"),
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

        return new ReadOptions
        {
            Encoding = encoding,
            ReplaceInvalidBytes = parse.GetValue(ReplaceInvalid),
            ParagraphMode = preSplit ? ParagraphMode.PreSplit : lines ? ParagraphMode.Lines : ParagraphMode.BlankLines,
            Segmenter = segmenter,
        };
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
