using System.CommandLine;
using CyberGov.Align.Text;

namespace CyberGov.Align.Cli;

/// <summary><c>cyberalign segment FILE</c>: one sentence per line, a blank line between paragraphs.</summary>
internal static class SegmentCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The text file to split (UTF-8 unless --encoding says otherwise)." };
        var lang = new Option<string?>("--lang") { Description = "Language of the file: en or zh (default: detected from the script)." };
        var input = new InputOptions();
        var command = new Command("segment", "Split a text into sentences: prints one sentence per line and an empty line between paragraphs.");
        command.Arguments.Add(file);
        command.Options.Add(lang);
        input.AddTo(command);
        command.SetAction(parse => CliApp.Guard(() =>
        {
            FileInfo path = parse.GetValue(file)!;
            Language language = InputOptions.ParseLanguage(parse.GetValue(lang), "--lang");
            Document doc = input.Resolve(parse).Load(path.FullName, language);
            using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            WriteSentences(doc, stdout);
            return ExitCodes.Success;
        }));
        return command;
    }

    public static void WriteSentences(Document doc, TextWriter writer)
    {
        for (int p = 0; p < doc.Paragraphs.Count; p++)
        {
            if (p > 0)
            {
                writer.WriteLine();
            }

            Paragraph para = doc.Paragraphs[p];
            for (int s = para.FirstSentence; s < para.FirstSentence + para.SentenceCount; s++)
            {
                WriteOneLine(doc.SentenceSpan(s), writer);
            }
        }
    }

    /// <summary>Writes a sentence on one line: inner line breaks become spaces.</summary>
    private static void WriteOneLine(ReadOnlySpan<char> sentence, TextWriter writer)
    {
        while (!sentence.IsEmpty)
        {
            int nl = sentence.IndexOfAny('\r', '\n');
            if (nl < 0)
            {
                writer.Write(sentence);
                break;
            }

            writer.Write(sentence[..nl]);
            writer.Write(' ');
            sentence = sentence[(nl + 1)..];
            if (!sentence.IsEmpty && sentence[0] == '\n' && nl >= 0)
            {
                sentence = sentence[1..];
            }
        }

        writer.WriteLine();
    }
}
