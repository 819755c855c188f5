using System.Runtime.CompilerServices;

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

    private double HalfInverseRatio { get; } = 0.5 / Ratio;

    private double InverseScale { get; } = 1.0 / Math.Sqrt(2 * Variance);

    /// <summary>−log of the two-sided tail probability of the length difference (0 when the lengths agree): −ln erfc(|δ|/√2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Cost(int sourceLength, int targetLength)
    {
        double mean = (0.5 * sourceLength) + (HalfInverseRatio * targetLength);
        return NegLogErfc(Math.Abs(targetLength - (Ratio * sourceLength)) * InverseScale / Math.Sqrt(Math.Max(mean, 1)));
    }

    public static double Delta(LengthModel m, int sourceLength, int targetLength)
    {
        double mean = (sourceLength + targetLength / m.Ratio) / 2;
        return (targetLength - m.Ratio * sourceLength) / Math.Sqrt(m.Variance * Math.Max(mean, 1));
    }

    private const int TableSteps = 256;
    private const double TableEnd = 8;
    private static readonly double[] Table = BuildTable();

    /// <summary>−ln erfc(x) for x ≥ 0 from a table (step 1/256, linear interpolation, error below 1e-5) up to 8, beyond by the asymptote x² + ln(x√π).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double NegLogErfc(double x)
    {
        if (x >= TableEnd)
        {
            return (x * x) + Math.Log(x * 1.7724538509055159);
        }

        double p = x * TableSteps;
        int k = (int)p;
        double f = p - k;
        return Table[k] + (f * (Table[k + 1] - Table[k]));
    }

    private static double[] BuildTable()
    {
        var table = new double[(int)(TableEnd * TableSteps) + 2];
        for (int k = 0; k < table.Length; k++)
        {
            table[k] = NegLogErfcExact((double)k / TableSteps);
        }

        return table;
    }

    /// <summary>−ln erfc(x) for x ≥ 0 (Numerical Recipes' erfc approximation, relative error &lt; 1.2e-7).</summary>
    internal static double NegLogErfcExact(double x)
    {
        double t = 1.0 / (1.0 + 0.5 * x);
        double poly = -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        return -(Math.Log(t) + poly);
    }
}
