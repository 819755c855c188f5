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
    public void Gb18030_bytes_read_as_utf8_fail_with_a_hint()
    {
        byte[] gb = DocumentReader.GB18030.GetBytes("第一行\n第二行");
        var ex = Assert.Throws<InputFormatException>(() => DocumentReader.Read(gb, "zh.txt"));
        Assert.Equal(1, ex.Line);
        Assert.Equal(0, ex.ByteOffset);
        Assert.Contains("gb18030", ex.Message, StringComparison.Ordinal);
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
