using System.Globalization;
using System.Text;
using CyberGov.Align.Alignment;
using CyberGov.Align.Evaluation;
using CyberGov.Align.Formats;
using CyberGov.Align.Scoring;
using CyberGov.Align.Text;
using Xunit.Abstractions;

namespace CyberGov.Align.Tests.DevData;

/// <summary>
/// Measures how well bead confidences are calibrated on the development sets (reliability table, expected calibration
/// error) and, when CYBERALIGN_CALIBRATION_OUT names a file, writes every bead's features and gold label there for
/// scripts/fit-confidence.py.
/// </summary>
[Trait("Category", "DevData")]
public sealed class ConfidenceCalibrationTests(ITestOutputHelper output)
{
    private static readonly (string Set, string Source, string Target, string? Trans)[] Sets =
    [
        ("aca", "aca/src/001", "aca/tgt/001", "aca/src/001.trans"),
        ("mag", "mag/src/003", "mag/tgt/003", "mag/src/003.trans"),
        .. Enumerable.Range(1, 6).Select(k => ($"mac-dev", $"mac-dev/zh/{k:000}", $"mac-dev/en/{k:000}", (string?)null)),
    ];

    [DevDataFact]
    public void Confidence_is_calibrated_on_the_development_sets()
    {
        var aligner = new AlignerBuilder().Build();
        var rows = new List<(int Model, double Confidence, bool Right, double[] Features)>();
        var sets = new List<string>();
        foreach ((string set, string src, string tgt, string? trans) in Sets)
        {
            var read = new ReadOptions { ParagraphMode = ParagraphMode.PreSplit };
            Document s = DocumentReader.ReadFile(DevDataPaths.Path(src), Language.Unknown, read);
            Document t = DocumentReader.ReadFile(DevDataPaths.Path(tgt), Language.Unknown, read);
            string gold = DevDataPaths.Path(Path.GetDirectoryName(Path.GetDirectoryName(src)!)!, "gold", Path.GetFileName(src) + ".align");
            HashSet<string> right = [.. IndexFormat.ReadFile(gold).Select(b => Key(b.Source, b.Target))];
            SentenceFeatures sf = FeatureExtractor.Extract(s, BilingualLexicon.Default, Glossary.Empty);
            SentenceFeatures tf = FeatureExtractor.Extract(t, BilingualLexicon.Default, Glossary.Empty);
            List<BandedSearch.PathBead> path = aligner.AlignPath(s, t, sf, tf, new SearchWork(), CancellationToken.None);
            Collect(path, sf, tf, right, rows, aligner.Posteriors(sf, tf, path, new SearchWork(), CancellationToken.None));
            sets.AddRange(Enumerable.Repeat($"{set},{src}", rows.Count - sets.Count));

            // The same text with sentences deleted (the target side of every ninth 1-1 gold bead): a held-out kind of text.
            (Document cut, HashSet<string> cutRight) = DeleteTargets(t, IndexFormat.ReadFile(gold));
            SentenceFeatures cf = FeatureExtractor.Extract(cut, BilingualLexicon.Default, Glossary.Empty);
            List<BandedSearch.PathBead> cutPath = aligner.AlignPath(s, cut, sf, cf, new SearchWork(), CancellationToken.None);
            Collect(cutPath, sf, cf, cutRight, rows, aligner.Posteriors(sf, cf, cutPath, new SearchWork(), CancellationToken.None));
            sets.AddRange(Enumerable.Repeat($"deleted-{set},{src}", rows.Count - sets.Count));

            if (trans is not null)
            {
                // Every bead re-aligned with the file's translations: samples for the translation model.
                var offline = new AlignmentResult(s, t, Confidence.Assign(path, sf, tf));
                string?[] translations = File.ReadAllLines(DevDataPaths.Path(trans));
                aligner.Realign(offline, [new BeadRange(0, offline.Beads.Count)], translations, (p, a, b) => Collect(p, a, b, right, rows, null, onlyModel: 1), CancellationToken.None);
                sets.AddRange(Enumerable.Repeat($"{set},{src}", rows.Count - sets.Count));
            }
        }

        if (Environment.GetEnvironmentVariable("CYBERALIGN_CALIBRATION_OUT") is { Length: > 0 } file)
        {
            var csv = new StringBuilder("set,document,model,right,confidence," + string.Join(',', Enumerable.Range(0, Confidence.FeatureCount).Select(i => $"x{i}")) + "\n");
            for (int r = 0; r < rows.Count; r++)
            {
                (int model, double confidence, bool ok, double[] x) = rows[r];
                csv.Append(CultureInfo.InvariantCulture, $"{sets[r]},{model},{(ok ? 1 : 0)},{confidence.ToString("R", CultureInfo.InvariantCulture)},").AppendJoin(',', x.Select(v => v.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
            }

            File.WriteAllText(file, csv.ToString());
        }

        // Linked beads take their bead posteriors, fitted on nothing but one temperature: each set, intact or with
        // sentences deleted, is in effect held out.
        foreach (string set in sets.Select(SetOf).Distinct())
        {
            var part = rows.Where((r, i) => r.Model == 0 && SetOf(sets[i]) == set).ToList();
            double ece = Reliability($"linked beads of {set}", part);
            Assert.True(ece < 0.05, $"linked beads of {set}: expected calibration error {ece:0.000}");
        }

        // The translation model is fitted on the intact sets' re-aligned beads: in sample.
        var translated = rows.Where(r => r.Model == 1).ToList();
        double translatedEce = Reliability("translation beads", translated);
        Assert.True(translatedEce < 0.05, $"translation beads: expected calibration error {translatedEce:0.000}");

        // Omissions and additions: right nearly always in the deleted copies, nearly never in the intact sets (too few to
        // measure alone). A null bead found where a sentence was deleted must not be called unlikely.
        var nulls = rows.Where((r, i) => r.Model == 2).ToList();
        double nullEce = Reliability("null beads", nulls);
        var deletedNulls = rows.Where((r, i) => r.Model == 2 && SetOf(sets[i]).StartsWith("deleted-", StringComparison.Ordinal)).ToList();
        Assert.True(deletedNulls.Average(r => r.Confidence) >= 0.6, $"null beads of the deleted copies: mean confidence {deletedNulls.Average(r => r.Confidence):0.000}");
        Assert.True(nullEce < 0.25, $"null beads: expected calibration error {nullEce:0.000}");

        static string SetOf(string set) => set[..set.IndexOf(',', StringComparison.Ordinal)];
    }

    /// <summary>The target without the sentence of every ninth 1-1 gold bead, and the gold beads of that copy (the source sentence left as a 1-0).</summary>
    private static (Document Cut, HashSet<string> Right) DeleteTargets(Document target, List<IndexBead> gold)
    {
        var deleted = new HashSet<int>();
        for (int k = 4; k < gold.Count; k += 9)
        {
            if (gold[k].Source.Length == 1 && gold[k].Target.Length == 1)
            {
                deleted.Add(gold[k].Target[0]);
            }
        }

        (Document cut, int[] oldIndex) = DeletionBenchmark.Without(target, deleted, "cut.txt");
        var newIndex = new Dictionary<int, int>();
        for (int i = 0; i < oldIndex.Length; i++)
        {
            newIndex[oldIndex[i]] = i;
        }

        HashSet<string> right = [.. gold.Select(b => Key(b.Source, b.Target.Where(newIndex.ContainsKey).Select(j => newIndex[j])))];
        return (cut, right);
    }

    private static void Collect(List<BandedSearch.PathBead> path, SentenceFeatures s, SentenceFeatures t, HashSet<string> right, List<(int, double, bool, double[])> rows, double[]? posteriors, int onlyModel = -1)
    {
        List<Bead> beads = Confidence.Assign(path, s, t, posteriors);
        for (int k = 0; k < path.Count; k++)
        {
            int model = Confidence.Model(path[k]);
            if (onlyModel >= 0 && model != onlyModel)
            {
                continue;
            }

            var x = new double[Confidence.FeatureCount];
            Confidence.Features(path, k, s, t, x);
            Bead b = beads[k];
            bool ok = right.Contains(Key([.. Enumerable.Range(b.SourceStart, b.SourceCount)], [.. Enumerable.Range(b.TargetStart, b.TargetCount)]));
            rows.Add((model, b.Confidence, ok, x));
        }
    }

    /// <summary>Prints the reliability table (ten bins) and returns the expected calibration error.</summary>
    private double Reliability(string name, List<(int Model, double Confidence, bool Right, double[] Features)> rows)
    {
        output.WriteLine($"{name}: {rows.Count} beads, {rows.Count(r => r.Right)} right");
        output.WriteLine("  bin        beads  mean conf  accuracy");
        double ece = 0;
        for (int bin = 0; bin < 10; bin++)
        {
            var inBin = rows.Where(r => Math.Min(9, (int)(r.Confidence * 10)) == bin).ToList();
            if (inBin.Count == 0)
            {
                continue;
            }

            double conf = inBin.Average(r => r.Confidence), acc = inBin.Average(r => r.Right ? 1.0 : 0.0);
            ece += inBin.Count * Math.Abs(conf - acc) / rows.Count;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bin / 10.0:0.0}-{(bin + 1) / 10.0:0.0}  {inBin.Count,6}  {conf,9:0.000}  {acc,8:0.000}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  expected calibration error {ece:0.0000}"));
        return ece;
    }

    private static string Key(IEnumerable<int> source, IEnumerable<int> target) => $"{string.Join(',', source)}:{string.Join(',', target)}";
}
