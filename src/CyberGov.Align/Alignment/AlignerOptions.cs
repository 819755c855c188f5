namespace CyberGov.Align.Alignment;

/// <summary>
/// Weights and limits of the aligner. Defaults were tuned on the development sets (see README). Validate with
/// <see cref="Validate"/>; <see cref="AlignerBuilder.Build"/> does it for you.
/// </summary>
public sealed record AlignerOptions
{
    /// <summary>Defaults.</summary>
    public static AlignerOptions Default { get; } = new();

    /// <summary>Weight of the Gale–Church length cost.</summary>
    public double LengthWeight { get; init; } = 0.7;

    /// <summary>Reward for lexical similarity (dictionary, Latin tokens, glossary) at full overlap.</summary>
    public double LexicalWeight { get; init; } = 20.0;

    /// <summary>Reward per number found on both sides of a bead.</summary>
    public double NumberWeight { get; init; } = 0.8;

    /// <summary>Penalty per number found on one side only.</summary>
    public double NumberMismatchWeight { get; init; } = 0.4;

    /// <summary>Penalty per difference in question marks, exclamation marks, quotes, colons and parentheses.</summary>
    public double PunctuationWeight { get; init; } = 0.3;

    /// <summary>Cost of leaving one sentence unaligned (1-0 or 0-1).</summary>
    public double NullCost { get; init; } = 8.0;

    /// <summary>Cost of a 2-1 or 1-2 bead on top of its scores.</summary>
    public double MergeCost { get; init; } = 1.8;

    /// <summary>Cost of a 2-2 bead.</summary>
    public double TwoTwoCost { get; init; } = 4.5;

    /// <summary>Cost of a 3-1 or 1-3 bead.</summary>
    public double ThreeOneCost { get; init; } = 4.2;

    /// <summary>Cost of a 4-1, 1-4, 2-3 or 3-2 bead (offered in the refine pass only).</summary>
    public double FourOneCost { get; init; } = 5.5;

    /// <summary>Cost of a wide bead (3-3, or 1-5 up to 1-24 and back) per sentence beyond five in all, on top of <see cref="FourOneCost"/>; a wide bead is only offered when every sentence in it shares content with the other side.</summary>
    public double WideBeadStepCost { get; init; } = 2.0;

    /// <summary>Cost per paragraph break that a bead crosses on one side but not on the other.</summary>
    public double ParagraphBreakCost { get; init; } = 3.0;

    /// <summary>Reward for a linked bead that starts where both texts start a paragraph (their own structure agrees with the alignment there).</summary>
    public double ParagraphAgreementReward { get; init; } = 3.0;

    /// <summary>Cost for each sentence merged with others on its side of a bead (the sentences of a 2-1 bead's two-sentence side, say) that has content words but none shared with the other side; on top of <see cref="OmissionWeight"/>'s evidence.</summary>
    public double UnsupportedSentenceCost { get; init; } = 1.0;

    /// <summary>
    /// The omission model: cost per nat of evidence that a sentence merged with others on its side of a bead has no
    /// counterpart there, so that a merge must be earned by support for every sentence in it and a sentence that nothing
    /// supports goes to a 1-0 or 0-1 bead. A sentence with c content words of which m are matched carries
    /// m·ln(q/p) + (c − m)·ln((1 − q)/(1 − p)) nats, divided by the overdispersion 1 + (c − 1)·ρ, where p (matched share), q
    /// (chance share) and ρ are estimated per side from the documents' own first-pass beads; evidence beyond
    /// <see cref="OmissionMargin"/> costs, up to <see cref="OmissionEvidenceCap"/>. 0 turns the model off.
    /// </summary>
    public double OmissionWeight { get; init; } = 1.0;

    /// <summary>The most nats of <see cref="OmissionWeight"/>'s evidence one sentence can carry.</summary>
    public double OmissionEvidenceCap { get; init; } = 8.0;

    /// <summary>Nats of <see cref="OmissionWeight"/>'s evidence that cost nothing (a translated sentence can match poorly by chance).</summary>
    public double OmissionMargin { get; init; } = 2.0;

    /// <summary>Reward for translation similarity: per sentence, half this weight times the share of its content words (or, without any, of its character n-grams) found on the other side of its bead (a machine translation for source sentences); used only when re-aligning with translations.</summary>
    public double TranslationWeight { get; init; } = 10.0;

    /// <summary>
    /// Whether to learn a translation lexicon from each Chinese–English document pair (IBM Model 1 over the confident
    /// beads of a first alignment) and align again with it; the dictionary and glossaries keep their translations.
    /// Off by default: on the development sets it changes strict F1 by less than the noise (README "Learned lexicon")
    /// and it costs about 1.4 times the time (the second search runs in a narrow band around the first path).
    /// </summary>
    public bool LearnLexicon { get; init; }

    /// <summary>The probability p(English | Chinese) a learned translation needs to count as evidence (the reverse p(Chinese | English) must be at least 0.2).</summary>
    public double LearnedMinProbability { get; init; } = 0.5;

    /// <summary>Whether to align paragraphs first when both documents have them, and keep confident paragraph links fixed.</summary>
    public bool UseParagraphs { get; init; } = true;

    /// <summary>Half-width of the search band around the first-pass path, in sentences.</summary>
    public int RefineBandWidth { get; init; } = 4;

    /// <summary>Largest half-width of the first-pass band between anchors.</summary>
    public int MaxBandWidth { get; init; } = 250;

    /// <summary>Use anchors (rare shared words and numbers) to steer the first pass.</summary>
    public bool UseAnchors { get; init; } = true;

    /// <summary>
    /// <see cref="Aligner.AlignPartial"/>: the evidence a quoted span needs to be linked, in words that occur once in the
    /// original (the summed rarity of the shared words, divided by the rarity of a word that occurs once; long original
    /// sentences count less, as in BM25).
    /// </summary>
    public double PartialQuoteEvidence { get; init; } = 1.3;

    /// <summary><see cref="Aligner.AlignPartial"/>: the same for the text of a report sentence outside quotation marks (reported speech, framing).</summary>
    public double PartialParaphraseEvidence { get; init; } = 2.0;

    /// <summary><see cref="Aligner.AlignPartial"/>: how many times the best original sentence's evidence must exceed the runner-up's for a quoted span.</summary>
    public double PartialQuoteMargin { get; init; } = 1.25;

    /// <summary><see cref="Aligner.AlignPartial"/>: the same for text outside quotation marks.</summary>
    public double PartialParaphraseMargin { get; init; } = 1.6;

    /// <summary><see cref="Aligner.AlignPartial"/>: the most original sentences one passage (a quoted span, or the rest of a sentence) may be linked to.</summary>
    public int PartialMaxSources { get; init; } = 3;

    /// <summary>Checks every value; throws <see cref="ArgumentOutOfRangeException"/> naming the first bad one.</summary>
    /// <returns>This instance.</returns>
    public AlignerOptions Validate()
    {
        Check(LengthWeight >= 0 && double.IsFinite(LengthWeight), nameof(LengthWeight));
        Check(LexicalWeight >= 0 && double.IsFinite(LexicalWeight), nameof(LexicalWeight));
        Check(NumberWeight >= 0 && double.IsFinite(NumberWeight), nameof(NumberWeight));
        Check(NumberMismatchWeight >= 0 && double.IsFinite(NumberMismatchWeight), nameof(NumberMismatchWeight));
        Check(PunctuationWeight >= 0 && double.IsFinite(PunctuationWeight), nameof(PunctuationWeight));
        Check(NullCost > 0 && double.IsFinite(NullCost), nameof(NullCost));
        Check(MergeCost >= 0 && double.IsFinite(MergeCost), nameof(MergeCost));
        Check(TwoTwoCost >= 0 && double.IsFinite(TwoTwoCost), nameof(TwoTwoCost));
        Check(ThreeOneCost >= 0 && double.IsFinite(ThreeOneCost), nameof(ThreeOneCost));
        Check(FourOneCost >= 0 && double.IsFinite(FourOneCost), nameof(FourOneCost));
        Check(WideBeadStepCost >= 0 && double.IsFinite(WideBeadStepCost), nameof(WideBeadStepCost));
        Check(ParagraphBreakCost >= 0 && double.IsFinite(ParagraphBreakCost), nameof(ParagraphBreakCost));
        Check(ParagraphAgreementReward >= 0 && double.IsFinite(ParagraphAgreementReward), nameof(ParagraphAgreementReward));
        Check(UnsupportedSentenceCost >= 0 && double.IsFinite(UnsupportedSentenceCost), nameof(UnsupportedSentenceCost));
        Check(OmissionWeight >= 0 && double.IsFinite(OmissionWeight), nameof(OmissionWeight));
        Check(OmissionEvidenceCap >= 0 && double.IsFinite(OmissionEvidenceCap), nameof(OmissionEvidenceCap));
        Check(OmissionMargin >= 0 && double.IsFinite(OmissionMargin), nameof(OmissionMargin));
        Check(TranslationWeight >= 0 && double.IsFinite(TranslationWeight), nameof(TranslationWeight));
        Check(PartialQuoteEvidence > 0 && double.IsFinite(PartialQuoteEvidence), nameof(PartialQuoteEvidence));
        Check(PartialParaphraseEvidence > 0 && double.IsFinite(PartialParaphraseEvidence), nameof(PartialParaphraseEvidence));
        Check(PartialQuoteMargin >= 1 && double.IsFinite(PartialQuoteMargin), nameof(PartialQuoteMargin));
        Check(PartialParaphraseMargin >= 1 && double.IsFinite(PartialParaphraseMargin), nameof(PartialParaphraseMargin));
        Check(PartialMaxSources is >= 1 and <= 16, nameof(PartialMaxSources));
        Check(LearnedMinProbability is > 0 and <= 1, nameof(LearnedMinProbability));
        Check(RefineBandWidth is >= 3 and <= 1000, nameof(RefineBandWidth));
        Check(MaxBandWidth >= RefineBandWidth && MaxBandWidth <= 100_000, nameof(MaxBandWidth));
        return this;
    }

    private static void Check(bool ok, string name)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, $"AlignerOptions.{name} is out of range.");
        }
    }
}
