using System.Text;
using CyberGov.Align.Text;

namespace CyberGov.Align.Tests.Text;

public sealed class DocumentReaderTests
{
    private const string Sample = "中国和平发展。\n\n互联网治理！";

    [Fact]
    public void Reads_utf8_with_and_without_bom()
    {
        byte[] plain = Encoding.UTF8.GetBytes(Sample);
        byte[] bom = [0xEF, 0xBB, 0xBF, .. plain];
        Assert.Equal(Sample, DocumentReader.Read(plain, "a.txt").Text);
        Assert.Equal(Sample, DocumentReader.Read(bom, "a.txt").Text);
        Assert.Equal(2, DocumentReader.Read(bom, "a.txt").Sentences.Count);
    }

    [Fact]
    public void Reads_utf16_with_bom_both_byte_orders()
    {
        byte[] le = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Sample)];
        byte[] be = [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Sample)];
        Assert.Equal(Sample, DocumentReader.Read(le, "le.txt").Text);
        Assert.Equal(Sample, DocumentReader.Read(be, "be.txt").Text);
    }

    [Fact]
    public void Reads_gb18030_when_asked()
    {
        byte[] gb = DocumentReader.GB18030.GetBytes(Sample);
        Document doc = DocumentReader.Read(gb, "gb.txt", Language.Chinese, new ReadOptions { Encoding = DocumentReader.GB18030 });
        Assert.Equal(Sample, doc.Text);
    }

    [Fact]
    public void Invalid_utf8_names_file_line_and_byte()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("line one\nline two\nbad "), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(" here\n")];
        var ex = Assert.Throws<InputFormatException>(() => DocumentReader.Read(bytes, "speech.txt"));
        Assert.Equal("speech.txt", ex.Source);
        Assert.Equal(3, ex.Line);
        Assert.Equal(22, ex.ByteOffset);
        Assert.StartsWith("speech.txt:3 (byte 22): invalid utf-8 byte 0xC3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gb18030_bytes_read_as_declared_utf8_fail_with_a_hint()
    {
        byte[] gb = DocumentReader.GB18030.GetBytes("第一行\n第二行");
        var ex = Assert.Throws<InputFormatException>(() => DocumentReader.Read(gb, "zh.txt", options: new ReadOptions { Encoding = new UTF8Encoding(false) }));
        Assert.Equal(1, ex.Line);
        Assert.Equal(0, ex.ByteOffset);
        Assert.Contains("gb18030", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gb18030_without_a_flag_is_detected_and_utf8_stays_utf8()
    {
        const string text = "今年经济增长6.5%左右。\n我们要坚持稳中求进。";
        Assert.Equal(text, DocumentReader.Read(DocumentReader.GB18030.GetBytes(text), "zh.txt").Text);
        Assert.Equal(text, DocumentReader.Read(Encoding.UTF8.GetBytes(text), "zh.txt").Text);

        // Invalid UTF-8 that is not GB18030 Chinese either stays an error about UTF-8.
        byte[] latin1 = Encoding.Latin1.GetBytes("caf\u00e9 cr\u00e8me");
        var ex = Assert.Throws<InputFormatException>(() => DocumentReader.Read(latin1, "en.txt"));
        Assert.Contains("invalid utf-8 byte", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gb18030_file_named_wrongly_as_gb18030_suggests_utf8_not_the_same_flag()
    {
        byte[] bytes = [0x81, 0x20, 0x41];
        var ex = Assert.Throws<InputFormatException>(() => DocumentReader.Read(bytes, "zh.txt", options: new ReadOptions { Encoding = DocumentReader.GB18030 }));
        Assert.DoesNotContain("--source-encoding/--target-encoding gb18030", ex.Message, StringComparison.Ordinal);
        Assert.Contains("utf-8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Directories_binary_files_and_empty_files_are_named_as_such()
    {
        string dir = Directory.CreateTempSubdirectory("cyberalign-dir").FullName;
        try
        {
            Assert.Contains("is a directory", Assert.Throws<InputFormatException>(() => DocumentReader.ReadFile(dir)).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir);
        }

        Assert.Contains("looks like a PDF", Assert.Throws<InputFormatException>(() => DocumentReader.Read("%PDF-1.7\n"u8, "a.pdf")).Message, StringComparison.Ordinal);
        Assert.Contains("ZIP", Assert.Throws<InputFormatException>(() => DocumentReader.Read([0x50, 0x4B, 0x03, 0x04, 1, 2], "a.docx")).Message, StringComparison.Ordinal);
        var nul = Assert.Throws<InputFormatException>(() => DocumentReader.Read([.. "line one\nline"u8, 0, .. "two"u8], "x.bin"));
        Assert.Equal(2, nul.Line);
        Assert.Contains("binary data", nul.Message, StringComparison.Ordinal);
        Assert.Contains("x.txt: is empty", Assert.Throws<InputFormatException>(() => DocumentReader.Read([], "x.txt")).Message, StringComparison.Ordinal);
        Assert.Contains("only white space", Assert.Throws<InputFormatException>(() => DocumentReader.Read(" \n\n\t"u8, "x.txt")).Message, StringComparison.Ordinal);
        Assert.Empty(DocumentReader.Read([], "x.txt", options: new ReadOptions { AllowEmpty = true }).Sentences);
    }

    [Fact]
    public void A_declared_language_that_contradicts_the_script_is_refused_unless_forced()
    {
        byte[] zh = Encoding.UTF8.GetBytes("我们要坚持稳中求进工作总基调。今年经济增长预期目标是百分之六左右。");
        var ex = Assert.Throws<InputFormatException>(() => DocumentReader.Read(zh, "speech.zh.txt", Language.English));
        Assert.Contains("speech.zh.txt", ex.Message, StringComparison.Ordinal);
        Assert.Contains("declared English but written in Chinese script", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Language.English, DocumentReader.Read(zh, "speech.zh.txt", Language.English, new ReadOptions { ForceLanguage = true }).Language);
    }

    [Fact]
    public void Replacement_is_opt_in()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("ok "), 0xFF, .. Encoding.UTF8.GetBytes(" fine.")];
        Document doc = DocumentReader.Read(bytes, "x.txt", Language.English, new ReadOptions { ReplaceInvalidBytes = true });
        Assert.Equal("ok \uFFFD fine.", doc.Text);
    }

    [Fact]
    public void Reads_files_from_disk()
    {
        string path = Path.Combine(Path.GetTempPath(), $"cyberalign-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "One. Two.\n\nThree.", new UTF8Encoding(true));
        try
        {
            Document doc = DocumentReader.ReadFile(path);
            Assert.Equal(Language.English, doc.Language);
            Assert.Equal(3, doc.Sentences.Count);
            Assert.Equal(path, doc.Name);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
