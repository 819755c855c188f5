namespace CyberGov.Align.Alignment;

/// <summary>
/// Gale–Church length model: the target length of a source span of length l is about c·l with variance s²·l.
/// c and s² are estimated from the two documents themselves.
/// </summary>
internal readonly record struct LengthModel(double Ratio, double Variance)
{
    public static LengthModel Initial(long sourceChars, long targetChars)
    {
        double c = sourceChars > 0 && targetChars > 0 ? (double)targetChars / sourceChars : 1.0;
        return new LengthModel(c, 6.8 * c);
    }

    /// <summary>−log of the two-sided tail probability of the length difference (0 when the lengths agree).</summary>
    public double Cost(int sourceLength, int targetLength)
    {
        double mean = (sourceLength + targetLength / Ratio) / 2;
        double delta = (targetLength - Ratio * sourceLength) / Math.Sqrt(Variance * Math.Max(mean, 1));
        return NegLogErfc(Math.Abs(delta) / Math.Sqrt(2));
    }

    public static double Delta(LengthModel m, int sourceLength, int targetLength)
    {
        double mean = (sourceLength + targetLength / m.Ratio) / 2;
        return (targetLength - m.Ratio * sourceLength) / Math.Sqrt(m.Variance * Math.Max(mean, 1));
    }

    /// <summary>−ln erfc(x) for x ≥ 0 (Numerical Recipes' erfc approximation, relative error &lt; 1.2e-7).</summary>
    private static double NegLogErfc(double x)
    {
        double t = 1.0 / (1.0 + 0.5 * x);
        double poly = -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        return -(Math.Log(t) + poly);
    }
}
