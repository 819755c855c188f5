namespace CyberGov.Align.Tests.Cli;

public sealed class SegmentCommandTests
{
    [Fact]
    public void Prints_one_sentence_per_line_and_a_blank_line_between_paragraphs()
    {
        string file = CliRunner.TempFile("Mr. Li spoke. He left.\n\n“Why?” she asked. Nobody knew.");
        try
        {
            CliRunner.Result r = CliRunner.Run("segment", file, "--lang", "en");
            Assert.Equal(0, r.ExitCode);
            Assert.Equal("Mr. Li spoke.\nHe left.\n\n“Why?” she asked.\nNobody knew.\n", r.StdOut);
            Assert.Equal(string.Empty, r.StdErr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Detects_Chinese_and_supports_presplit()
    {
        string file = CliRunner.TempFile("第一句。第二句！\n第三句");
        try
        {
            Assert.Equal("第一句。\n第二句！\n第三句\n", CliRunner.Run("segment", file).StdOut);
            Assert.Equal("第一句。第二句！\n第三句\n", CliRunner.Run("segment", file, "--presplit").StdOut);
            Assert.Equal("第一句。\n第二句！\n\n第三句\n", CliRunner.Run("segment", file, "--line-paragraphs").StdOut);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Bad_input_exits_2_with_the_reason_on_stderr()
    {
        string english = CliRunner.TempFile("Only English here.");
        try
        {
            CliRunner.Result wrongLanguage = CliRunner.Run("segment", english, "--lang", "zh");
            Assert.Equal(2, wrongLanguage.ExitCode);
            Assert.Contains("declared Chinese but written in English script", wrongLanguage.StdErr, StringComparison.Ordinal);
            Assert.Contains(english, wrongLanguage.StdErr, StringComparison.Ordinal);
            Assert.Equal(string.Empty, wrongLanguage.StdOut);

            Assert.Equal(2, CliRunner.Run("segment", english, "--lang", "fr").ExitCode);
            Assert.Equal(2, CliRunner.Run("segment", english + ".missing").ExitCode);
            Assert.Equal(2, CliRunner.Run("segment").ExitCode);
            Assert.Equal(2, CliRunner.Run("segment", english, "--no-such-option").ExitCode);
        }
        finally
        {
            File.Delete(english);
        }
    }

    [Fact]
    public void Invalid_bytes_are_reported_with_line_and_offset()
    {
        string path = Path.Combine(Path.GetTempPath(), $"cyberalign-test-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(path, [.. "ok\n"u8, 0xFF, .. " bad\n"u8]);
        try
        {
            CliRunner.Result r = CliRunner.Run("segment", path);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains($"{path}:2 (byte 3): invalid utf-8 byte 0xFF", r.StdErr, StringComparison.Ordinal);
            Assert.Equal(0, CliRunner.Run("segment", path, "--replace-invalid").ExitCode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Help_is_available_on_every_command()
    {
        CliRunner.Result root = CliRunner.Run("--help");
        Assert.Equal(0, root.ExitCode);
        Assert.Contains("segment", root.StdOut, StringComparison.Ordinal);
        CliRunner.Result segment = CliRunner.Run("segment", "--help");
        Assert.Equal(0, segment.ExitCode);
        Assert.Contains("--presplit", segment.StdOut, StringComparison.Ordinal);
    }
}
