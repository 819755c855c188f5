using System.Text;
using CyberGov.Align.Documents;
using CyberGov.Align.Text;

namespace CyberGov.Align.Tests.Documents;

public sealed class DocumentLoaderTests
{
    [Fact]
    public void The_content_decides_the_format_and_the_extension_only_breaks_ties()
    {
        byte[] page = Encoding.UTF8.GetBytes(DocumentFixtures.Html(["Title", "Text."], "en"));
        Assert.Equal(InputFormat.Html, DocumentLoader.Sniff(page, "speech.txt"));
        Assert.Equal(InputFormat.Docx, DocumentLoader.Sniff(DocumentFixtures.Docx(["Text."]), "speech.bin"));
        Assert.Equal(InputFormat.Text, DocumentLoader.Sniff(Encoding.UTF8.GetBytes("Plain text.\n\nMore."), "speech.html"));
        Assert.Equal(InputFormat.Html, DocumentLoader.Sniff(Encoding.UTF8.GetBytes("<p>Fragment.</p>"), "part.html"));
        Assert.Equal(InputFormat.Text, DocumentLoader.Sniff(Encoding.UTF8.GetBytes("<p>Fragment.</p>"), "part.txt"));
        Assert.Equal(InputFormat.Html, DocumentLoader.Sniff(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<!DOCTYPE html><html><body><p>x</p></body></html>")).ToArray(), "u.htm"));
    }

    [Theory]
    [InlineData("%PDF-1.7\n", "PDF")]
    [InlineData("{\\rtf1\\ansi", "RTF")]
    public void Files_no_reader_handles_are_refused_by_name(string start, string kind)
    {
        var ex = Assert.Throws<InputFormatException>(() => DocumentLoader.Load(Encoding.ASCII.GetBytes(start + "rest"), "in.bin"));
        Assert.Contains("in.bin", ex.Message, StringComparison.Ordinal);
        Assert.Contains(kind, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_format_can_be_forced()
    {
        byte[] markup = Encoding.UTF8.GetBytes("<p>Tags kept as text.</p>");
        Document asText = DocumentLoader.Load(markup, "x.html", Language.English, format: InputFormat.Text);
        Assert.Equal("<p>Tags kept as text.</p>", asText.SentenceText(0));
        Assert.False(asText.HasOrigins);
        Document asHtml = DocumentLoader.Load(markup, "x.txt", Language.English, format: InputFormat.Html);
        Assert.Equal("Tags kept as text.", asHtml.SentenceText(0));
        Assert.Equal("body/p", asHtml.SentenceOrigin(0));
    }
}
