using CyberGov.Align.Alignment;
using CyberGov.Align.Documents;
using CyberGov.Align.Review;
using CyberGov.Align.Tests.Documents;
using CyberGov.Align.Text;

namespace CyberGov.Align.Tests.DevData;

/// <summary>
/// The review of the complete official translations in ../shared/data/real, as published: every omission, addition,
/// partial omission or "numbers differ" claim on them is false, so a report a translation checker can sign has at most
/// one null bead and one number flag per 100 beads (issue 9's targets), and gwr-2017, whose first report listed 26 false
/// omissions and additions and 15 false number flags, has none at all.
/// </summary>
public sealed class PublishedTranslationReviewTests
{
    private static readonly Aligner Aligner = new AlignerBuilder().UseBundledDictionary().Build();

    public static TheoryData<string> Texts() => RealDocumentFormsTests.Texts();

    private static (int Beads, TranslationReview Review) Review(string name)
    {
        string dir = DevDataPaths.Path("..", "real", name);
        AlignmentResult result = Aligner.Align(DocumentReader.ReadFile(Path.Combine(dir, "zh.txt")), DocumentReader.ReadFile(Path.Combine(dir, "en.txt")));
        return (result.Beads.Count, TranslationReview.Analyze(result));
    }

    [DevDataTheory]
    [MemberData(nameof(Texts))]
    public void A_complete_translation_as_published_gets_at_most_one_false_claim_of_each_kind_per_100_beads(string name)
    {
        (int beads, TranslationReview review) = Review(name);
        int nulls = review.Count(FindingKind.Omission) + review.Count(FindingKind.Addition);
        Assert.True(nulls * 100 <= beads, $"{name}: {nulls} omissions and additions in {beads} beads");
        Assert.True(review.Count(FindingKind.NumberMismatch) * 100 <= beads, $"{name}: {review.Count(FindingKind.NumberMismatch)} number flags in {beads} beads");
        int partial = review.Count(FindingKind.PartialOmission) + review.Count(FindingKind.PartialAddition);
        Assert.True(partial * 100 <= beads, $"{name}: {partial} partial omissions and additions in {beads} beads");
    }

    [DevDataFact]
    public void The_2017_government_work_report_as_published_gets_no_claim_of_omission_addition_or_differing_numbers()
    {
        (_, TranslationReview review) = Review("gwr-2017");
        FindingKind[] claims = [FindingKind.Omission, FindingKind.Addition, FindingKind.ReorderSuspect, FindingKind.NumberMismatch, FindingKind.PartialOmission, FindingKind.PartialAddition];
        Assert.Empty(review.Findings.Where(f => claims.Contains(f.Kind)).Select(f => $"{f.Kind} at bead {f.Bead}: {f.Message}"));
    }
}
