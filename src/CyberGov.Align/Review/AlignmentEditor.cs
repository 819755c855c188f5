using CyberGov.Align.Alignment;

namespace CyberGov.Align.Review;

/// <summary>Which side of a bead an edit moves a sentence on.</summary>
public enum BeadSide
{
    /// <summary>The source side.</summary>
    Source,

    /// <summary>The target side.</summary>
    Target,
}

/// <summary>
/// Corrections to an alignment, as a reviewer makes them: merge and split beads, move a sentence to the neighbouring
/// bead, detach a bead into an omission and an addition, cut or join sentences where segmentation was wrong, confirm
/// a bead, and realign everything not confirmed around what is. Every edited bead counts as confirmed (it is the reviewer's decision). Every edit keeps the alignment
/// complete (every sentence once, in order) and can be undone and redone. Not thread-safe: one editor per review.
/// </summary>
public sealed class AlignmentEditor
{
    private readonly Aligner _aligner;
    private readonly Stack<State> _undo = new();
    private readonly Stack<State> _redo = new();
    private State _state;

    /// <summary>Starts editing an alignment.</summary>
    /// <param name="aligner">The aligner that realigns the rest.</param>
    /// <param name="alignment">The alignment to correct.</param>
    /// <param name="confirmed">Indices of beads already confirmed (e.g. read from a project); null for none.</param>
    public AlignmentEditor(Aligner aligner, AlignmentResult alignment, IEnumerable<int>? confirmed = null)
    {
        ArgumentNullException.ThrowIfNull(aligner);
        ArgumentNullException.ThrowIfNull(alignment);
        _aligner = aligner;
        var beads = alignment.Beads.ToList();
        _state = new State(alignment, [.. (confirmed ?? []).Select(k => beads[k])]);
    }

    /// <summary>The alignment as edited so far.</summary>
    public AlignmentResult Current => _state.Alignment;

    /// <summary>Indices (into <see cref="Current"/>'s beads) of the confirmed beads, in order.</summary>
    public IReadOnlyList<int> Confirmed => [.. Enumerable.Range(0, Beads.Count).Where(k => _state.Confirmed.Contains(Beads[k]))];

    /// <summary>Whether <see cref="Undo"/> has something to undo.</summary>
    public bool CanUndo => _undo.Count > 0;

    /// <summary>Whether <see cref="Redo"/> has something to redo.</summary>
    public bool CanRedo => _redo.Count > 0;

    private IReadOnlyList<Bead> Beads => _state.Alignment.Beads;

    /// <summary>Whether a bead is confirmed.</summary>
    /// <param name="bead">Bead index.</param>
    /// <returns>True when confirmed.</returns>
    public bool IsConfirmed(int bead) => _state.Confirmed.Contains(At(bead));

    /// <summary>Merges a bead with the next one.</summary>
    /// <param name="bead">Bead index (not the last).</param>
    public void Merge(int bead)
    {
        Bead a = At(bead);
        Bead b = bead + 1 < Beads.Count ? Beads[bead + 1] : throw new ArgumentOutOfRangeException(nameof(bead), "the last bead has no next bead to merge with");
        Apply(bead, 2, [new Bead(a.SourceStart, a.SourceCount + b.SourceCount, a.TargetStart, a.TargetCount + b.TargetCount, 1.0)]);
    }

    /// <summary>Splits a bead in two: the first keeps its first <paramref name="sourceCount"/> source and <paramref name="targetCount"/> target sentences.</summary>
    /// <param name="bead">Bead index.</param>
    /// <param name="sourceCount">Source sentences of the first part.</param>
    /// <param name="targetCount">Target sentences of the first part.</param>
    public void Split(int bead, int sourceCount, int targetCount)
    {
        Bead b = At(bead);
        if (sourceCount < 0 || sourceCount > b.SourceCount || targetCount < 0 || targetCount > b.TargetCount
            || sourceCount + targetCount == 0 || (b.SourceCount - sourceCount) + (b.TargetCount - targetCount) == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sourceCount), $"bead {bead} ({b.Kind}) cannot be split after {sourceCount} source and {targetCount} target sentences: both parts need a sentence");
        }

        Apply(bead, 1,
        [
            new Bead(b.SourceStart, sourceCount, b.TargetStart, targetCount, 1.0),
            new Bead(b.SourceStart + sourceCount, b.SourceCount - sourceCount, b.TargetStart + targetCount, b.TargetCount - targetCount, 1.0),
        ]);
    }

    /// <summary>Moves a bead's first sentence on one side to the end of the previous bead.</summary>
    /// <param name="bead">Bead index (not the first).</param>
    /// <param name="side">The side.</param>
    public void MoveFirstToPrevious(int bead, BeadSide side)
    {
        Bead b = At(bead);
        Bead p = bead > 0 ? Beads[bead - 1] : throw new ArgumentOutOfRangeException(nameof(bead), "the first bead has no previous bead");
        RequireSentenceToMove(b, bead, side);
        Bead previous = Shifted(p, side, 0, +1) with { Confidence = 1.0 };
        Bead rest = Shifted(b, side, +1, -1) with { Confidence = 1.0 };
        Apply(bead - 1, 2, rest.SourceCount + rest.TargetCount == 0 ? [previous] : [previous, rest]);
    }

    /// <summary>Moves a bead's last sentence on one side to the start of the next bead.</summary>
    /// <param name="bead">Bead index (not the last).</param>
    /// <param name="side">The side.</param>
    public void MoveLastToNext(int bead, BeadSide side)
    {
        Bead b = At(bead);
        Bead n = bead + 1 < Beads.Count ? Beads[bead + 1] : throw new ArgumentOutOfRangeException(nameof(bead), "the last bead has no next bead");
        RequireSentenceToMove(b, bead, side);
        Bead rest = Shifted(b, side, 0, -1) with { Confidence = 1.0 };
        Bead next = Shifted(n, side, -1, +1) with { Confidence = 1.0 };
        Apply(bead, 2, rest.SourceCount + rest.TargetCount == 0 ? [next] : [rest, next]);
    }

    /// <summary>Marks a bead's sentences as unpaired: its source side becomes an omission (1-0 …) and its target side an addition (0-1 …).</summary>
    /// <param name="bead">Bead index (a bead with both sides).</param>
    public void Detach(int bead)
    {
        Bead b = At(bead);
        if (b.IsNull)
        {
            throw new ArgumentException($"bead {bead} ({b.Kind}) has only one side already", nameof(bead));
        }

        Apply(bead, 1, [b with { TargetCount = 0, Confidence = 1.0 }, new Bead(b.SourceEnd, 0, b.TargetStart, b.TargetCount, 1.0)]);
    }

    /// <summary>
    /// Cuts a sentence in two where segmentation missed a boundary (see <see cref="Text.Document.WithSentenceSplit"/>);
    /// both parts stay in the sentence's bead, which counts as confirmed.
    /// </summary>
    /// <param name="side">The document.</param>
    /// <param name="sentence">The sentence.</param>
    /// <param name="at">A character offset inside it.</param>
    public void SplitSentence(BeadSide side, int sentence, int at)
    {
        Text.Document changed = Document(side).WithSentenceSplit(sentence, at);
        ReplaceDocument(side, changed, sentence, +1);
    }

    /// <summary>
    /// Joins a sentence to the next one where segmentation cut a sentence in two (see
    /// <see cref="Text.Document.WithSentencesJoined"/>); both must be in one bead (merge the beads first).
    /// </summary>
    /// <param name="side">The document.</param>
    /// <param name="sentence">The first of the two sentences.</param>
    public void JoinSentences(BeadSide side, int sentence)
    {
        if (!Beads.Any(b => Holds(b, side, sentence) && Holds(b, side, sentence + 1)))
        {
            throw new ArgumentException($"{side.ToString().ToLowerInvariant()} sentences {sentence} and {sentence + 1} are not in one bead: merge the beads first", nameof(sentence));
        }

        Text.Document changed = Document(side).WithSentencesJoined(sentence);
        ReplaceDocument(side, changed, sentence, -1);
    }

    /// <summary>Puts a re-segmented document in place: the bead holding <paramref name="sentence"/> grows or shrinks by one on that side, the beads after it move.</summary>
    private void ReplaceDocument(BeadSide side, Text.Document changed, int sentence, int change)
    {
        Bead Move(Bead b) => Shifted(b, side, Start(b, side) > sentence ? change : 0, Holds(b, side, sentence) ? change : 0);

        var beads = Beads.Select(Move).ToList();
        Bead edited = beads.First(b => Holds(b, side, sentence));
        var confirmed = _state.Confirmed.Select(Move).Append(edited);
        AlignmentResult alignment = side == BeadSide.Source
            ? new AlignmentResult(changed, Current.Target, beads) { Statistics = Current.Statistics }
            : new AlignmentResult(Current.Source, changed, beads) { Statistics = Current.Statistics };
        Push();
        _state = new State(alignment, confirmed);
    }

    private static int Start(Bead b, BeadSide side) => side == BeadSide.Source ? b.SourceStart : b.TargetStart;

    private static int Count(Bead b, BeadSide side) => side == BeadSide.Source ? b.SourceCount : b.TargetCount;

    /// <summary>Whether a bead holds a sentence on one side.</summary>
    private static bool Holds(Bead b, BeadSide side, int sentence) => Start(b, side) <= sentence && sentence < Start(b, side) + Count(b, side);

    /// <summary>The bead with one side's start and count moved by the given amounts.</summary>
    private static Bead Shifted(Bead b, BeadSide side, int startBy, int countBy) => side == BeadSide.Source
        ? b with { SourceStart = b.SourceStart + startBy, SourceCount = b.SourceCount + countBy }
        : b with { TargetStart = b.TargetStart + startBy, TargetCount = b.TargetCount + countBy };

    private static void RequireSentenceToMove(Bead b, int bead, BeadSide side)
    {
        if (Count(b, side) == 0)
        {
            throw new ArgumentException($"bead {bead} has no {side.ToString().ToLowerInvariant()} sentence to move", nameof(side));
        }
    }

    private Text.Document Document(BeadSide side) => side == BeadSide.Source ? Current.Source : Current.Target;

    /// <summary>Confirms a bead (or takes the confirmation back).</summary>
    /// <param name="bead">Bead index.</param>
    /// <param name="confirmed">True to confirm, false to unconfirm.</param>
    public void Confirm(int bead, bool confirmed = true)
    {
        Bead b = At(bead);
        Push();
        _state = _state with { Confirmed = confirmed ? _state.Confirmed.Add(b) : _state.Confirmed.Remove(b) };
    }

    /// <summary>Aligns everything that is not confirmed again, around the confirmed beads (<see cref="Aligner.RealignAround"/>).</summary>
    /// <param name="cancellationToken">Cancels the alignment.</param>
    public void RealignRest(CancellationToken cancellationToken = default)
    {
        AlignmentResult realigned = _aligner.RealignAround(Current, Confirmed, cancellationToken);
        Push();
        _state = _state with { Alignment = realigned };
    }

    /// <summary>Takes the last edit back.</summary>
    /// <returns>Whether there was one.</returns>
    public bool Undo() => Step(_undo, _redo);

    /// <summary>Makes the last undone edit again.</summary>
    /// <returns>Whether there was one.</returns>
    public bool Redo() => Step(_redo, _undo);

    /// <summary>Goes back to the last state on <paramref name="from"/>, keeping the current one on <paramref name="to"/>.</summary>
    private bool Step(Stack<State> from, Stack<State> to)
    {
        if (from.Count == 0)
        {
            return false;
        }

        to.Push(_state);
        _state = from.Pop();
        return true;
    }

    private Bead At(int bead) =>
        bead >= 0 && bead < Beads.Count ? Beads[bead] : throw new ArgumentOutOfRangeException(nameof(bead), $"bead {bead} does not exist (there are {Beads.Count})");

    /// <summary>Replaces <paramref name="count"/> beads from <paramref name="start"/> with <paramref name="replacement"/>, which are confirmed.</summary>
    private void Apply(int start, int count, Bead[] replacement)
    {
        var beads = Beads.ToList();
        var confirmed = _state.Confirmed;
        foreach (Bead old in beads.Skip(start).Take(count))
        {
            confirmed = confirmed.Remove(old);
        }

        beads.RemoveRange(start, count);
        beads.InsertRange(start, replacement);
        Push();
        _state = new State(new AlignmentResult(Current.Source, Current.Target, beads) { Statistics = Current.Statistics }, confirmed.Union(replacement));
    }

    private void Push()
    {
        _undo.Push(_state);
        _redo.Clear();
    }

    /// <summary>An alignment and the beads confirmed in it (by value: a bead's place and size identify it).</summary>
    private sealed record State(AlignmentResult Alignment, System.Collections.Immutable.ImmutableHashSet<Bead> Confirmed)
    {
        public State(AlignmentResult alignment, IEnumerable<Bead> confirmed)
            : this(alignment, System.Collections.Immutable.ImmutableHashSet.CreateRange(BeadPlace.Instance, confirmed))
        {
        }
    }

    /// <summary>Beads compared by place and size only (a confirmed bead stays confirmed whatever its confidence).</summary>
    private sealed class BeadPlace : IEqualityComparer<Bead>
    {
        public static readonly BeadPlace Instance = new();

        public bool Equals(Bead x, Bead y) => (x.SourceStart, x.SourceCount, x.TargetStart, x.TargetCount) == (y.SourceStart, y.SourceCount, y.TargetStart, y.TargetCount);

        public int GetHashCode(Bead obj) => HashCode.Combine(obj.SourceStart, obj.SourceCount, obj.TargetStart, obj.TargetCount);
    }
}
