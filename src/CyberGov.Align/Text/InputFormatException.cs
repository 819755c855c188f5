namespace CyberGov.Align.Text;

/// <summary>Input that cannot be read as asked: names the file, the line and, where it applies, the byte offset.</summary>
public sealed class InputFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">File name or other description of the input.</param>
    /// <param name="line">1-based line, or 0 when not about one line.</param>
    /// <param name="byteOffset">0-based byte offset in the file, or -1.</param>
    /// <param name="reason">What is wrong.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public InputFormatException(string source, int line, long byteOffset, string reason, Exception? inner = null)
        : base(Format(source, line, byteOffset, reason), inner)
    {
        Source = source;
        Line = line;
        ByteOffset = byteOffset;
        Reason = reason;
    }

    /// <summary>File name or description of the input.</summary>
    public new string Source { get; }

    /// <summary>1-based line, or 0 when the problem is not on one line.</summary>
    public int Line { get; }

    /// <summary>0-based byte offset in the file, or -1.</summary>
    public long ByteOffset { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    private static string Format(string source, int line, long byteOffset, string reason)
    {
        string where = source;
        if (line > 0)
        {
            where += $":{line}";
        }

        if (byteOffset >= 0)
        {
            where += $" (byte {byteOffset})";
        }

        return $"{where}: {reason}";
    }
}
