namespace CyberGov.Align.Alignment;

/// <summary>
/// Turns a bead's evidence into a probability of being right (logistic model; coefficients fitted on the development
/// sets against their gold alignments, see README "Confidence").
/// </summary>
internal static class Confidence
{
    public static double For(int a, int b, BeadEvidence e)
    {
        if (a == 0 || b == 0)
        {
            return Sigmoid(-0.5);
        }

        double z = -0.8 + 7.0 * e.Similarity - 0.45 * Math.Abs(e.LengthDelta) + 0.6 * e.SharedNumbers - 0.3 * e.UnmatchedNumbers;
        if (a != 1 || b != 1)
        {
            z -= 0.6;
        }

        return Sigmoid(z);
    }

    public static double ForNull(int length, int regionSize) => regionSize == 1 ? 0.5 : Sigmoid(-0.5 - Math.Min(length, 200) / 200.0);

    private static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));
}
