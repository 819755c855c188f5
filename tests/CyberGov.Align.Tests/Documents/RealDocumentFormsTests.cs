using System.Text;
using CyberGov.Align.Alignment;
using CyberGov.Align.Documents;
using CyberGov.Align.Tests.DevData;
using CyberGov.Align.Text;

namespace CyberGov.Align.Tests.Documents;

/// <summary>
/// Every complete publication in ../shared/data/real, turned into the forms users receive it in (a news site's web
/// page with its furniture, a Word file), aligns to exactly the beads of its plain text.
/// </summary>
public sealed class RealDocumentFormsTests
{
    private static readonly Aligner Aligner = new AlignerBuilder().UseBundledDictionary().Build();

    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>();
        if (DevDataPaths.Available)
        {
            foreach (string dir in Directory.GetDirectories(DevDataPaths.Path("..", "real")).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(dir));
            }
        }
        else
        {
            data.Add("(no data)");
        }

        return data;
    }

    [DevDataTheory]
    [MemberData(nameof(Texts))]
    public void Web_page_and_Word_forms_give_the_beads_of_the_plain_text(string name)
    {
        string dir = DevDataPaths.Path("..", "real", name);
        string zhPath = Path.Combine(dir, "zh.txt"), enPath = Path.Combine(dir, "en.txt");
        AlignmentResult plain = Aligner.Align(DocumentReader.ReadFile(zhPath), DocumentReader.ReadFile(enPath));

        string[] zh = DocumentFixtures.Paragraphs(zhPath), en = DocumentFixtures.Paragraphs(enPath);
        Document zhHtml = DocumentLoader.Load(Encoding.UTF8.GetBytes(DocumentFixtures.Html(zh, "zh-CN")), "zh.html");
        Document enHtml = DocumentLoader.Load(Encoding.UTF8.GetBytes(DocumentFixtures.Html(en, "en")), "en.html");
        Assert.Equal(plain.Beads, Aligner.Align(zhHtml, enHtml).Beads);
        Document zhPortal = DocumentLoader.Load(Encoding.UTF8.GetBytes(DocumentFixtures.HtmlDivLayout(zh, "zh-CN")), "zh.htm");
        Document enPortal = DocumentLoader.Load(Encoding.UTF8.GetBytes(DocumentFixtures.HtmlDivLayout(en, "en")), "en.htm");
        Assert.Equal(plain.Beads, Aligner.Align(zhPortal, enPortal).Beads);
        Assert.Equal("body/div[4]/div#text/h1", zhPortal.SentenceOrigin(0));

        Document zhDocx = DocumentLoader.Load(DocumentFixtures.Docx(zh), "zh.docx");
        Document enDocx = DocumentLoader.Load(DocumentFixtures.Docx(en), "en.docx");
        Assert.Equal(plain.Beads, Aligner.Align(zhDocx, enDocx).Beads);
        Assert.Equal("body/p[1]", zhDocx.SentenceOrigin(0));
    }
}
