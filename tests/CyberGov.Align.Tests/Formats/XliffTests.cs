using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;
using CyberGov.Align.Alignment;
using CyberGov.Align.Formats;
using CyberGov.Align.Tests.Alignment;
using CyberGov.Align.Tests.Cli;

namespace CyberGov.Align.Tests.Formats;

public sealed class XliffTests
{
    private static readonly XNamespace X12 = "urn:oasis:names:tc:xliff:document:1.2";
    private static readonly XNamespace X2 = "urn:oasis:names:tc:xliff:document:2.0";

    [Fact]
    public void Xliff_1_2_has_a_unit_per_bead_with_its_confidence_and_findings()
    {
        XDocument doc = XDocument.Parse(new Xliff12Writer().WriteToString(WriterTests.Sample()));
        XElement file = doc.Root!.Element(X12 + "file")!;
        Assert.Equal("1.2", doc.Root.Attribute("version")!.Value);
        Assert.Equal(("zh-CN", "en", "speech.zh.txt"), (file.Attribute("source-language")!.Value, file.Attribute("target-language")!.Value, file.Attribute("original")!.Value));
        List<XElement> units = [.. file.Descendants(X12 + "trans-unit")];
        Assert.Equal(["0", "1", "2", "3", "4"], units.Select(u => u.Attribute("id")!.Value));
        Assert.Equal("他说：“<script>alert(1)</script>”。", units[0].Element(X12 + "source")!.Value);
        Assert.Equal("translated", units[0].Element(X12 + "target")!.Attribute("state")!.Value);
        Assert.Equal("0.97", units[0].Descendants(X12 + "context").Single(c => c.Attribute("context-type")!.Value == "x-confidence").Value);
        Assert.Contains(units[1].Elements(X12 + "note"), n => n.Value.Contains("30 ≠ 13", StringComparison.Ordinal));
        Assert.Equal("needs-review-translation", units[1].Element(X12 + "target")!.Attribute("state")!.Value);
        Assert.Equal(string.Empty, units[3].Element(X12 + "target")!.Value);
        Assert.Contains(units[3].Elements(X12 + "note"), n => n.Value.StartsWith("Omission", StringComparison.Ordinal));
        Assert.Contains(units[4].Elements(X12 + "note"), n => n.Value.StartsWith("Addition", StringComparison.Ordinal));
    }

    [Fact]
    public void Xliff_2_1_has_a_unit_and_segment_per_bead_with_notes()
    {
        XDocument doc = XDocument.Parse(new Xliff21Writer().WriteToString(WriterTests.Sample()));
        Assert.Equal(("2.1", "zh-CN", "en"), (doc.Root!.Attribute("version")!.Value, doc.Root.Attribute("srcLang")!.Value, doc.Root.Attribute("trgLang")!.Value));
        List<XElement> units = [.. doc.Descendants(X2 + "unit")];
        Assert.Equal(["u0", "u1", "u2", "u3", "u4"], units.Select(u => u.Attribute("id")!.Value));
        XElement segment = units[2].Element(X2 + "segment")!;
        Assert.Equal("A&B公司成立。", segment.Element(X2 + "source")!.Value);
        Assert.Equal("A&B Co. was founded. It was in 2015.", segment.Element(X2 + "target")!.Value);
        Assert.Equal("1-2", units[2].Descendants(X2 + "note").Single(n => n.Attribute("category")!.Value == "x-bead").Value);
        Assert.Equal("initial", units[3].Element(X2 + "segment")!.Attribute("state")!.Value);
        Assert.True(units[0].Elements().First().Name == X2 + "notes", "notes come before the segment");
    }

    [Fact]
    public void Units_keep_their_bead_numbers_when_null_beads_are_left_out()
    {
        XDocument doc = XDocument.Parse(new Xliff12Writer(new WriterOptions { IncludeNullBeads = false }).WriteToString(WriterTests.Sample()));
        Assert.Equal(["0", "1", "2"], doc.Descendants(X12 + "trans-unit").Select(u => u.Attribute("id")!.Value));
        Assert.Equal("xliff", AlignmentFormats.TryFromExtension("out.xlf", out string format) ? format : null);
    }

    /// <summary>Debian's translate-toolkit (a real consumer of TMX and XLIFF) reads the exports back unit for unit.</summary>
    [TranslateToolkitFact]
    public void Translate_toolkit_reads_the_TMX_and_XLIFF_back_unit_for_unit()
    {
        using var dir = new TempFolder();
        AlignmentResult result = AlignmentAssert.Sample(new AlignerBuilder().UseBundledDictionary().Build());
        List<(string, string)> expected = [.. result.Beads.Select(b => (result.SourceText(b), result.TargetText(b)))];
        string xlf = dir.Combine("a.xlf"), tmx = dir.Combine("a.tmx");
        File.WriteAllText(xlf, new Xliff12Writer().WriteToString(result));
        File.WriteAllText(tmx, new TmxWriter(new WriterOptions { IncludeNullBeads = false }).WriteToString(result));

        Assert.Equal(expected, TranslateToolkit.Units("xliff", xlf));
        Assert.Equal([.. result.Beads.Where(b => !b.IsNull).Select(b => (result.SourceText(b), result.TargetText(b)))], TranslateToolkit.Units("tmx", tmx));
    }
}

/// <summary>Debian's translate-toolkit, through the system Python (/usr/bin/python3).</summary>
internal static class TranslateToolkit
{
    private static readonly Lazy<bool> Present = new(() => File.Exists(Python) && Run("import translate.storage.xliff, translate.storage.tmx").ExitCode == 0);

    private const string Python = "/usr/bin/python3";

    public static bool Available => Present.Value;

    /// <summary>The (source, target) of every unit, as translate-toolkit reads the file.</summary>
    public static List<(string Source, string Target)> Units(string kind, string path)
    {
        string script = $$"""
            import json, sys
            from translate.storage import {{kind}}
            store = {{kind}}.{{kind}}file.parsefile(sys.argv[1])
            for u in store.units:
                if u.isheader():
                    continue
                print(json.dumps([u.source or "", u.target or ""], ensure_ascii=False))
            """;
        (int code, string output, string error) = Run(script, path);
        Assert.True(code == 0, error);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonSerializer.Deserialize<string[]>(line)!).Select(p => (p[0], p[1]))];
    }

    private static (int ExitCode, string Output, string Error) Run(string script, params string[] args)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using Process p = Process.Start(start)!;
        Task<string> output = p.StandardOutput.ReadToEndAsync();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output.Result, error);
    }
}

/// <summary>A fact that runs only where Debian's translate-toolkit is installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class TranslateToolkitFactAttribute : FactAttribute
{
    public TranslateToolkitFactAttribute()
    {
        if (!TranslateToolkit.Available)
        {
            Skip = "translate-toolkit not found (apt-get install translate-toolkit; CI installs it)";
        }
    }
}
