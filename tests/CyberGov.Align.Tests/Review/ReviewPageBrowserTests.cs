using CyberGov.Align.Alignment;
using CyberGov.Align.Formats;
using CyberGov.Align.ReviewServer;
using CyberGov.Align.Tests.Alignment;
using CyberGov.Align.Tests.Cli;
using CyberGov.Align.Tests.Documents;
using CyberGov.Align.Text;
using Microsoft.Playwright;

namespace CyberGov.Align.Tests.Review;

/// <summary>The review page driven in a real browser (Playwright against Debian's headless Chromium), with the keyboard.</summary>
public sealed class ReviewPageBrowserTests
{
    private static readonly Aligner Aligner = new AlignerBuilder().UseBundledDictionary().Build();

    [ChromiumFact]
    public async Task A_reviewer_merges_splits_confirms_realigns_and_undoes_with_the_keyboard_and_the_project_is_saved()
    {
        using var dir = new TempFolder();
        AlignmentResult alignment = AlignmentAssert.Sample(Aligner);
        var session = new ReviewSession(Aligner, alignment, dir.Combine("news"), dir.Combine("out"));
        session.Save();
        await using ReviewHost host = await ReviewHost.StartAsync(session);

        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await Chromium.LaunchAsync(playwright);
        IPage page = await browser.NewPageAsync();
        await page.GotoAsync(host.PageAddress.AbsoluteUri);
        ILocator rows = page.Locator("#beads tr");
        await Assertions.Expect(rows).ToHaveCountAsync(alignment.Beads.Count);
        Assert.Contains("习近平", await rows.Nth(0).InnerTextAsync(), StringComparison.Ordinal);

        // Go to bead 3, merge it with bead 4, confirm it.
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("m");
        await Assertions.Expect(rows).ToHaveCountAsync(alignment.Beads.Count - 1);
        await Assertions.Expect(rows.Nth(3)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("confirmed"));

        // Split it again after its first sentences, then undo the split.
        await page.Keyboard.PressAsync("s");
        await Assertions.Expect(rows).ToHaveCountAsync(alignment.Beads.Count);
        await page.Keyboard.PressAsync("u");
        await Assertions.Expect(rows).ToHaveCountAsync(alignment.Beads.Count - 1);

        // Confirm bead 0 and realign the rest: the merged bead stays.
        await page.Keyboard.PressAsync("k");
        await page.Keyboard.PressAsync("k");
        await page.Keyboard.PressAsync("k");
        await page.Keyboard.PressAsync("c");
        await Assertions.Expect(rows.Nth(0)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("confirmed"));
        await page.Keyboard.PressAsync("r");
        await Assertions.Expect(rows).ToHaveCountAsync(alignment.Beads.Count - 1);

        // The saved project has the edits: the merged bead and both confirmations.
        (AlignmentResult saved, ISet<int> confirmed) = InterTextFormat.Read(session.ProjectFile);
        Bead a = alignment.Beads[3], b = alignment.Beads[4];
        Assert.Equal((a.SourceStart, a.SourceCount + b.SourceCount, a.TargetStart, a.TargetCount + b.TargetCount), (saved.Beads[3].SourceStart, saved.Beads[3].SourceCount, saved.Beads[3].TargetStart, saved.Beads[3].TargetCount));
        Assert.Equal(new HashSet<int> { 0, 3 }, confirmed);

        // Cut the target sentence of bead 1 where segmentation missed a boundary, then join it again.
        await page.Keyboard.PressAsync("j");
        string answer = "Chinese President";
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync(answer);
        await page.Keyboard.PressAsync("/");
        ILocator targetSentences = rows.Nth(1).Locator("td.text").Nth(1).Locator("span:not(.flag)");
        await Assertions.Expect(targetSentences).ToHaveCountAsync(2);
        await Assertions.Expect(targetSentences.Nth(1)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Chinese President"));
        Assert.Equal(alignment.Target.Sentences.Count + 1, InterTextFormat.Read(session.ProjectFile).Alignment.Target.Sentences.Count);
        await page.Keyboard.PressAsync("\\");
        await Assertions.Expect(targetSentences).ToHaveCountAsync(1);

        // Export TMX from the page.
        await page.Keyboard.PressAsync("t");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("exported");
        Assert.True(File.Exists(Path.Combine(session.OutputFolder, "news.tmx")));
        answer = "xliff2";
        await page.Keyboard.PressAsync("e");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("news.2.xlf");
        Assert.Contains("version=\"2.1\"", File.ReadAllText(Path.Combine(session.OutputFolder, "news.2.xlf")), StringComparison.Ordinal);

        // Reloading shows the same state; the saved project is byte for byte what the same edits give in the library.
        await page.ReloadAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(alignment.Beads.Count - 1);
        await Assertions.Expect(page.Locator("tr.confirmed")).ToHaveCountAsync(3); // 0, the merged 3, and 1 whose sentence was cut and joined
        var expected = new CyberGov.Align.Review.AlignmentEditor(Aligner, alignment);
        expected.Merge(3);
        expected.Split(3, Math.Min(1, a.SourceCount + b.SourceCount), Math.Min(1, a.TargetCount + b.TargetCount));
        expected.Undo();
        expected.Confirm(0);
        expected.RealignRest();
        Bead one = expected.Current.Beads[1];
        string text = expected.Current.Target.SentenceText(one.TargetStart);
        expected.SplitSentence(CyberGov.Align.Review.BeadSide.Target, one.TargetStart, text.IndexOf("Chinese President", 1, StringComparison.Ordinal));
        expected.JoinSentences(CyberGov.Align.Review.BeadSide.Target, one.TargetStart);
        var links = new StringWriter();
        InterTextFormat.Write(expected.Current, new StringWriter(), new StringWriter(), links, "news.zh.xml", "news.en.xml", expected.Confirmed.ToHashSet());
        Assert.Equal(links.ToString(), File.ReadAllText(session.ProjectFile));
    }
}

/// <summary>The review of a complete government work report (../shared/data/real/gwr-2017) with the keyboard, end to end.</summary>
public sealed class ReviewRealDocumentTests
{
    [DevDataChromiumTheory]
    [InlineData("gwr-2017")]
    public async Task A_real_report_is_corrected_with_the_keyboard_reopened_identically_and_exported_for_CAT_tools(string name)
    {
        Aligner aligner = new AlignerBuilder().UseBundledDictionary().Build();
        using var dir = new TempFolder();
        string real = DevData.DevDataPaths.Path("..", "real", name);
        AlignmentResult alignment = aligner.Align(DocumentReader.ReadFile(Path.Combine(real, "zh.txt")), DocumentReader.ReadFile(Path.Combine(real, "en.txt")));
        var session = new ReviewSession(aligner, alignment, dir.Combine(name), dir.Combine("out"));
        session.Save();
        await using (ReviewHost host = await ReviewHost.StartAsync(session))
        {
            using IPlaywright playwright = await Playwright.CreateAsync();
            await using IBrowser browser = await Chromium.LaunchAsync(playwright);
            IPage page = await browser.NewPageAsync();
            await page.GotoAsync(host.PageAddress.AbsoluteUri);
            ILocator rows = page.Locator("#beads tr");
            await Assertions.Expect(rows).ToHaveCountAsync(alignment.Beads.Count);

            // Walk the findings with n, confirming the beads that are right and merging where the report says so.
            for (int k = 0; k < 5; k++)
            {
                await page.Keyboard.PressAsync("n");
                await page.Keyboard.PressAsync("c");
            }

            await page.Keyboard.PressAsync("r");
            await Assertions.Expect(page.Locator("tr.confirmed")).ToHaveCountAsync(5);
            await page.Keyboard.PressAsync("t");
            await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("exported");
            await page.Keyboard.PressAsync("x");
            await Assertions.Expect(page.Locator("#status")).ToContainTextAsync(".xlf");
        }

        // Reopened from the saved project, the review has the same beads and confirmations.
        (AlignmentResult reopened, ISet<int> confirmed) = InterTextFormat.Read(session.ProjectFile);
        var again = new ReviewSession(aligner, reopened, dir.Combine(name), dir.Combine("out"), confirmed);
        Assert.Equal(session.Run(e => e.Current.Beads.Select(b => (b.SourceStart, b.SourceCount, b.TargetStart, b.TargetCount)).ToList()), again.Run(e => e.Current.Beads.Select(b => (b.SourceStart, b.SourceCount, b.TargetStart, b.TargetCount)).ToList()));
        Assert.Equal(session.Run(e => e.Confirmed), again.Run(e => e.Confirmed));
        Assert.Equal(5, confirmed.Count);

        // The exports open in translate-toolkit unit for unit.
        if (Formats.TranslateToolkit.Available)
        {
            AlignmentResult current = session.Run(e => e.Current);
            Assert.Equal(current.Beads.Select(b => (current.SourceText(b), current.TargetText(b))), Formats.TranslateToolkit.Units("xliff", Path.Combine(session.OutputFolder, name + ".xlf")));
            Assert.Equal(current.Beads.Where(b => !b.IsNull).Select(b => (current.SourceText(b), current.TargetText(b))), Formats.TranslateToolkit.Units("tmx", Path.Combine(session.OutputFolder, name + ".tmx")).Where(u => u.Source.Length > 0 && u.Target.Length > 0));
        }
    }
}
