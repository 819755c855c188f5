using CyberGov.Align.Alignment;
using CyberGov.Align.Formats;
using CyberGov.Align.Review;
using CyberGov.Align.Tests.Alignment;
using CyberGov.Align.Tests.Cli;
using CyberGov.Align.Text;

namespace CyberGov.Align.Tests.Review;

public sealed class AlignmentEditorTests
{
    private static readonly Aligner Aligner = new AlignerBuilder().UseBundledDictionary().Build();

    private static AlignmentEditor Editor() => new(Aligner, AlignmentAssert.Sample(Aligner));

    private static (int, int, int, int) Shape(Bead b) => (b.SourceStart, b.SourceCount, b.TargetStart, b.TargetCount);

    [Fact]
    public void Merge_and_split_keep_the_alignment_complete_and_are_confirmed_and_undoable()
    {
        AlignmentEditor editor = Editor();
        List<(int, int, int, int)> before = [.. editor.Current.Beads.Select(Shape)];
        Bead a = editor.Current.Beads[3], b = editor.Current.Beads[4];

        editor.Merge(3);
        AlignmentAssert.CoversEverySentenceOnceInOrder(editor.Current);
        Assert.Equal((a.SourceStart, a.SourceCount + b.SourceCount, a.TargetStart, a.TargetCount + b.TargetCount), Shape(editor.Current.Beads[3]));
        Assert.Equal([3], editor.Confirmed);

        editor.Split(3, a.SourceCount, a.TargetCount);
        AlignmentAssert.CoversEverySentenceOnceInOrder(editor.Current);
        Assert.Equal(before, editor.Current.Beads.Select(Shape));
        Assert.Equal([3, 4], editor.Confirmed);

        Assert.True(editor.Undo());
        Assert.Equal((a.SourceStart, a.SourceCount + b.SourceCount, a.TargetStart, a.TargetCount + b.TargetCount), Shape(editor.Current.Beads[3]));
        Assert.True(editor.Undo());
        Assert.Equal(before, editor.Current.Beads.Select(Shape));
        Assert.Empty(editor.Confirmed);
        Assert.False(editor.Undo());
        Assert.True(editor.Redo());
        Assert.Equal([3], editor.Confirmed);
    }

    [Fact]
    public void Sentences_move_between_neighbouring_beads_and_a_bead_can_be_detached()
    {
        AlignmentEditor editor = Editor();
        int k = Enumerable.Range(1, editor.Current.Beads.Count - 2).First(x => editor.Current.Beads[x].TargetCount == 1 && editor.Current.Beads[x - 1].TargetCount >= 1);
        Bead p = editor.Current.Beads[k - 1], b = editor.Current.Beads[k];

        editor.MoveFirstToPrevious(k, BeadSide.Target);
        AlignmentAssert.CoversEverySentenceOnceInOrder(editor.Current);
        Assert.Equal(p.TargetCount + 1, editor.Current.Beads[k - 1].TargetCount);
        Assert.Equal((b.SourceCount, 0), (editor.Current.Beads[k].SourceCount, editor.Current.Beads[k].TargetCount));

        editor.MoveLastToNext(k - 1, BeadSide.Target);
        AlignmentAssert.CoversEverySentenceOnceInOrder(editor.Current);
        Assert.Equal(Shape(b), Shape(editor.Current.Beads[k]));

        editor.Detach(k);
        AlignmentAssert.CoversEverySentenceOnceInOrder(editor.Current);
        Assert.Equal(((b.SourceStart, b.SourceCount, b.TargetStart, 0), (b.SourceEnd, 0, b.TargetStart, b.TargetCount)), (Shape(editor.Current.Beads[k]), Shape(editor.Current.Beads[k + 1])));
        Assert.Throws<ArgumentException>(() => editor.Detach(k));
        Assert.Throws<ArgumentOutOfRangeException>(() => editor.Split(k, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => editor.Merge(editor.Current.Beads.Count - 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => editor.MoveFirstToPrevious(0, BeadSide.Source));
    }

    [Fact]
    public void Sentences_are_cut_and_joined_where_segmentation_was_wrong_and_the_beads_follow()
    {
        AlignmentEditor editor = Editor();
        int k = Enumerable.Range(0, editor.Current.Beads.Count).First(x => editor.Current.Beads[x].TargetCount == 1 && editor.Current.TargetText(editor.Current.Beads[x]).Contains(", ", StringComparison.Ordinal));
        Bead b = editor.Current.Beads[k];
        string sentence = editor.Current.Target.SentenceText(b.TargetStart);
        int at = sentence.IndexOf(", ", StringComparison.Ordinal) + 2;
        int beads = editor.Current.Beads.Count, sentences = editor.Current.Target.Sentences.Count;

        editor.SplitSentence(BeadSide.Target, b.TargetStart, at);
        AlignmentAssert.CoversEverySentenceOnceInOrder(editor.Current);
        Assert.Equal(sentences + 1, editor.Current.Target.Sentences.Count);
        Assert.Equal(beads, editor.Current.Beads.Count);
        Assert.Equal(2, editor.Current.Beads[k].TargetCount);
        Assert.Equal(sentence[..(at - 2)] + ",", editor.Current.Target.SentenceText(b.TargetStart));
        Assert.Equal(sentence[at..], editor.Current.Target.SentenceText(b.TargetStart + 1));
        Assert.True(editor.IsConfirmed(k));
        Assert.Throws<ArgumentOutOfRangeException>(() => editor.SplitSentence(BeadSide.Target, b.TargetStart, 0));

        editor.JoinSentences(BeadSide.Target, b.TargetStart);
        AlignmentAssert.CoversEverySentenceOnceInOrder(editor.Current);
        Assert.Equal(sentences, editor.Current.Target.Sentences.Count);
        Assert.Equal(sentence, editor.Current.Target.SentenceText(b.TargetStart));
        Assert.Throws<ArgumentException>(() => editor.JoinSentences(BeadSide.Target, editor.Current.Beads[k].TargetEnd - 1));

        Assert.True(editor.Undo());
        Assert.Equal(sentences + 1, editor.Current.Target.Sentences.Count);
    }

    [Fact]
    public void A_review_confirms_edits_realigns_the_rest_and_saves_an_InterText_project_that_reopens_identically()
    {
        using var dir = new TempFolder();
        AlignmentEditor editor = Editor();
        editor.Detach(2);
        editor.Confirm(0);
        editor.Merge(5);
        Bead cut = editor.Current.Beads[7];
        editor.SplitSentence(BeadSide.Source, cut.SourceStart, editor.Current.Source.SentenceText(cut.SourceStart).IndexOf('，', StringComparison.Ordinal) + 1);
        editor.RealignRest();
        AlignmentAssert.CoversEverySentenceOnceInOrder(editor.Current);
        IReadOnlyList<int> confirmed = editor.Confirmed;
        Assert.Contains(0, confirmed);
        Assert.True(editor.IsConfirmed(2) && editor.IsConfirmed(3), "the detached halves stay as the reviewer made them");
        Assert.Equal(0, editor.Current.Beads[2].TargetCount);

        (string s, string t, string a) = InterTextFormat.Files(dir.Combine("review"), Language.Chinese, Language.English);
        using (var sw = new StreamWriter(s))
        using (var tw = new StreamWriter(t))
        using (var aw = new StreamWriter(a))
        {
            InterTextFormat.Write(editor.Current, sw, tw, aw, Path.GetFileName(s), Path.GetFileName(t), confirmed.ToHashSet());
        }

        (AlignmentResult reopened, ISet<int> reopenedConfirmed) = InterTextFormat.Read(a);
        Assert.Equal(editor.Current.Beads.Select(Shape), reopened.Beads.Select(Shape));
        Assert.Equal(editor.Current.Source.Sentences.Count, reopened.Source.Sentences.Count);
        Assert.Equal(confirmed.ToHashSet(), reopenedConfirmed);
        var again = new AlignmentEditor(Aligner, reopened, reopenedConfirmed);
        Assert.Equal(confirmed, again.Confirmed);
    }
}
