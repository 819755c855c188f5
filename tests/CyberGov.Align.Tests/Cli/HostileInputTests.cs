using System.Diagnostics;
using System.Text;
using CyberGov.Align.Tests.Translation;

namespace CyberGov.Align.Tests.Cli;

/// <summary>What a user hands the tool that it must not mishandle: special output files, odd inputs, signals, failures.</summary>
public sealed class HostileInputTests
{
    private const string Zh = "今天天气很好。\n我们去公园散步。\n公园里有很多人。\n孩子们在玩耍。\n";
    private const string En = "The weather is fine today.\nWe go for a walk in the park.\nThere are many people in the park.\nThe children are playing.\n";

    [Fact]
    public void Dev_full_is_written_through_and_fails_with_exit_1_naming_it()
    {
        if (!File.Exists("/dev/full"))
        {
            return; // not a Linux machine
        }

        using var dir = new TempFolder();
        CliRunner.Result r = CliRunner.Run("align", dir.File("a.zh", Zh), dir.File("a.en", En), "--presplit", "-f", "tsv", "-o", "/dev/full");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("cannot write /dev/full", r.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", r.StdErr, StringComparison.Ordinal);
        Assert.Equal("character special file", UnixFileType(dir, "/dev/full"));
    }

    [Fact]
    public void A_symlink_stays_a_link_and_its_target_gets_the_output()
    {
        using var dir = new TempFolder();
        string target = dir.File("real.tsv", "old content\n");
        string link = dir.Combine("link.tsv");
        File.CreateSymbolicLink(link, target);
        CliRunner.Result r = CliRunner.Run("align", dir.File("a.zh", Zh), dir.File("a.en", En), "--presplit", "-o", link);
        Assert.True(r.ExitCode == 0, r.StdErr);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Contains("今天天气很好。", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public async Task A_fifo_is_written_into_not_replaced()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempFolder();
        string fifo = dir.Combine("out.fifo");
        using (Process mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        Task<string> reader = Task.Run(() => File.ReadAllText(fifo));
        CliRunner.Result r = CliRunner.Run("align", dir.File("a.zh", Zh), dir.File("a.en", En), "--presplit", "-f", "tsv", "-o", fifo);
        Assert.True(r.ExitCode == 0, r.StdErr);
        string written = await reader.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("孩子们在玩耍。", written, StringComparison.Ordinal);
        Assert.Equal("fifo", UnixFileType(dir, fifo));
    }

    [Fact]
    public void Empty_inputs_folders_and_binary_files_exit_2_with_what_they_are()
    {
        using var dir = new TempFolder();
        string zh = dir.File("a.zh", Zh), en = dir.File("a.en", En);
        string empty = dir.File("empty.txt", string.Empty);
        CliRunner.Result r = CliRunner.Run("align", empty, en, "-o", dir.Combine("x.tmx"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("empty.txt: is empty", r.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Combine("x.tmx")));

        Assert.Contains("is empty", CliRunner.Run("align", zh, dir.File("blank.txt", "\n  \n"), "-o", "-").StdErr, StringComparison.Ordinal);

        string folder = Directory.CreateDirectory(dir.Combine("folder")).FullName;
        CliRunner.Result d = CliRunner.Run("align", folder, en);
        Assert.Equal(2, d.ExitCode);
        Assert.Contains("is a directory", d.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("denied", d.StdErr, StringComparison.Ordinal);

        string pdf = dir.Combine("report.pdf");
        File.WriteAllBytes(pdf, [.. "%PDF-1.7\n%"u8, 0xE2, 0xE3, 0xCF, 0xD3, 0, 1, 2]);
        CliRunner.Result b = CliRunner.Run("align", pdf, en);
        Assert.Equal(2, b.ExitCode);
        Assert.Contains("report.pdf: is not a readable PDF", b.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("invalid utf-8", b.StdErr, StringComparison.Ordinal);

        string binary = dir.Combine("data.bin");
        File.WriteAllBytes(binary, [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0]);
        CliRunner.Result elf = CliRunner.Run("align", binary, en);
        Assert.Equal(2, elf.ExitCode);
        Assert.Contains("is not text", elf.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_language_against_the_script_exits_2_unless_forced()
    {
        using var dir = new TempFolder();
        string zh = dir.File("a.zh", Zh), en = dir.File("a.en", En);
        CliRunner.Result r = CliRunner.Run("align", zh, en, "--presplit", "--source-lang", "en", "--target-lang", "zh");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("a.zh: declared English but written in Chinese script", r.StdErr, StringComparison.Ordinal);

        CliRunner.Result seg = CliRunner.Run("segment", zh, "--lang", "en");
        Assert.Equal(2, seg.ExitCode);
        Assert.Contains("a.zh", seg.StdErr, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("segment", zh, "--lang", "en", "--force-lang").ExitCode);

        // Latin product names and links do not make a Chinese file English.
        string product = dir.File("p.zh", "华为发布Mate 60 Pro手机，详见https://consumer.huawei.com/cn/phones/mate60-pro/specs/。\n这款手机支持卫星通话功能。\n");
        string productEn = dir.File("p.en", "Huawei released the Mate 60 Pro; see https://consumer.huawei.com/cn/phones/mate60-pro/specs/.\nThe phone supports satellite calls.\n");
        CliRunner.Result p = CliRunner.Run("align", product, productEn, "--presplit", "-f", "jsonl");
        Assert.True(p.ExitCode == 0, p.StdErr);
        Assert.DoesNotContain("both files look", p.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_file_has_its_own_encoding_and_gb18030_is_detected()
    {
        using var dir = new TempFolder();
        string zh = dir.Combine("gb.zh");
        File.WriteAllBytes(zh, CyberGov.Align.Text.DocumentReader.GB18030.GetBytes(Zh));
        string en = dir.File("a.en", En);

        CliRunner.Result detected = CliRunner.Run("align", zh, en, "--presplit", "-f", "tsv");
        Assert.True(detected.ExitCode == 0, detected.StdErr);
        Assert.Contains("今天天气很好。\tThe weather is fine today.", detected.StdOut, StringComparison.Ordinal);

        CliRunner.Result explicitly = CliRunner.Run("align", zh, en, "--presplit", "-f", "tsv", "--source-encoding", "gb18030", "--target-encoding", "utf-8");
        Assert.True(explicitly.ExitCode == 0, explicitly.StdErr);
        Assert.Equal(detected.StdOut, explicitly.StdOut);

        // --encoding gb18030 used to apply to both files; a UTF-8 English file with a curly quote then failed.
        string enUtf8 = dir.File("b.en", "\u201cThe weather is fine today.\u201d\nWe go for a walk in the park.\nThere are many people in the park.\nThe children are playing.\n");
        CliRunner.Result mixed = CliRunner.Run("align", zh, enUtf8, "--presplit", "--source-encoding", "gb18030");
        Assert.True(mixed.ExitCode == 0, mixed.StdErr);

        CliRunner.Result wrong = CliRunner.Run("align", dir.File("u.zh", Zh + "\u201c\u201d\n"), en, "--presplit", "--source-encoding", "gb18030");
        Assert.Equal(2, wrong.ExitCode);
        Assert.DoesNotContain("encoding gb18030", wrong.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Translator_failures_exit_1_and_count_no_characters_that_did_not_get_through()
    {
        await using FakeTranslatorServer server = await FakeTranslatorServer.StartAsync();
        for (int k = 0; k < 10; k++)
        {
            server.ThenError(401, 401000);
        }

        using var dir = new TempFolder();
        string output = dir.Combine("out.tsv");
        CliRunner.Result r = CliRunner.RunWith(null, new Dictionary<string, string?>
        {
            ["AZURE_TRANSLATOR_KEY"] = "test-key-not-secret",
            ["AZURE_TRANSLATOR_ENDPOINT"] = server.Url.ToString(),
            ["AZURE_TRANSLATOR_REGION"] = null,
        }, "align", dir.File("a.zh", Zh), dir.File("a.en", En), "--presplit", "--translator", "azure", "--gap-threshold", "1", "-o", output);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("0 characters translated in 0 requests", r.StdErr, StringComparison.Ordinal);
        Assert.Contains("the translator failed", r.StdErr, StringComparison.Ordinal);
        Assert.Equal(4, File.ReadAllLines(output).Length); // the alignment is still written
    }

    [Fact]
    public void Merge_with_nothing_to_merge_exits_2_and_writes_nothing()
    {
        using var dir = new TempFolder();
        dir.File("out/a.jsonl", "{\"source\":[0]}\n");
        CliRunner.Result r = CliRunner.Run("merge", dir.Combine("out"), "-o", dir.Combine("all.tmx"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no .tmx files to merge", r.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Combine("all.tmx")));
    }

    [Fact]
    public void Messages_speak_of_options_not_internals()
    {
        using var dir = new TempFolder();
        string zh = dir.File("a.zh", Zh), en = dir.File("a.en", En);
        CliRunner.Result threshold = CliRunner.Run("align", zh, en, "--gap-threshold", "0.5");
        Assert.Equal(2, threshold.ExitCode);
        Assert.Contains("--gap-threshold needs --translator", threshold.StdErr, StringComparison.Ordinal);

        CliRunner.Result budget = CliRunner.Run("align", zh, en, "--translator", "file:" + dir.File("t", "a\nb\nc\nd\n"), "--budget-chars", "-5", "--presplit");
        Assert.Equal(2, budget.ExitCode);
        Assert.Contains("--budget-chars must be 0 or more (got -5)", budget.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", budget.StdErr, StringComparison.Ordinal);

        CliRunner.Result weight = CliRunner.Run("align", zh, en, "--weight", "length=-1");
        Assert.Equal(2, weight.ExitCode);
        Assert.Contains("--weight length=-1 is out of range", weight.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("AlignerOptions", weight.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Sigterm_stops_a_long_alignment_promptly_with_exit_130_and_no_output()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempFolder();
        var zh = new StringBuilder();
        var en = new StringBuilder();
        for (int k = 0; k < 400_000; k++)
        {
            zh.Append("好。\n\n");
            en.Append("Good.\n\n");
        }

        string output = dir.Combine("out.tsv");
        using Process process = CliRunner.Start("align", dir.File("a.zh", zh.ToString()), dir.File("a.en", en.ToString()), "-o", output);
        Thread.Sleep(2500); // inside the alignment (reading takes well under a second)
        Assert.False(process.HasExited, "the alignment finished before the signal: make the input larger");
        var clock = Stopwatch.StartNew();
        using (Process kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(process.WaitForExit(10_000), "still running 10 s after SIGTERM");
        clock.Stop();
        Assert.Equal(130, process.ExitCode);
        Assert.Contains("cancelled", process.StandardError.ReadToEnd(), StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    private static string UnixFileType(TempFolder dir, string path)
    {
        using Process stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%F", path]) { RedirectStandardOutput = true, WorkingDirectory = dir.Path })!;
        string type = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return type;
    }
}

public sealed class ReportOptionTests
{
    [Fact]
    public void The_title_option_names_the_report()
    {
        using var dir = new TempFolder();
        string zh = Path.Combine(dir.Path, "speech");
        Directory.CreateDirectory(zh);
        string html = Path.Combine(dir.Path, "r.html");
        CliRunner.Result r = CliRunner.Run("align", dir.File("speech/zh.txt", "增长了30%。\n"), dir.File("speech/en.txt", "It grew by 30%.\n"), "-o", html);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("<title>Alignment report: speech: zh.txt ↔ en.txt</title>", File.ReadAllText(html), StringComparison.Ordinal);

        r = CliRunner.Run("align", Path.Combine(zh, "zh.txt"), Path.Combine(zh, "en.txt"), "-o", html, "--title", "Work report <2017>");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("<title>Work report &lt;2017&gt;</title>", File.ReadAllText(html), StringComparison.Ordinal);
    }
}
