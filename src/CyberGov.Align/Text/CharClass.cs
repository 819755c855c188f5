using System.Runtime.CompilerServices;

namespace CyberGov.Align.Text;

/// <summary>Character classes used by the segmenters and the scorers.</summary>
internal static class CharClass
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsHan(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF') or '\u3007'
        || (c >= '\uD840' && c <= '\uD887'); // high surrogates of CJK extensions B to H (U+20000..U+323AF)

    /// <summary>Han characters, CJK punctuation (U+3000–U+303F) and full-width forms: no spaces are written between them.</summary>
    public static bool IsCjk(char c) => IsHan(c) || c is (>= '\u3000' and <= '\u303F') or (>= '\uFF00' and <= '\uFFEF');

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9 || (uint)(c - '０') <= 9;

    /// <summary>White space, including the ideographic space and the no-break space.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) => c <= ' ' ? c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v' : c is '\u3000' or '\u00A0' or '\u2028' or '\u2029' || (c >= '\u2000' && c <= '\u200B');
}
