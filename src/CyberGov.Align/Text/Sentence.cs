namespace CyberGov.Align.Text;

/// <summary>One sentence of a <see cref="Document"/>: where it stands in the text and in which paragraph.</summary>
/// <param name="Index">0-based index among all sentences of the document.</param>
/// <param name="Paragraph">0-based index of its paragraph.</param>
/// <param name="Span">Its characters in <see cref="Document.Text"/> (no leading or trailing white space).</param>
/// <param name="Line">1-based line of the text where it starts.</param>
public readonly record struct Sentence(int Index, int Paragraph, TextSpan Span, int Line);

/// <summary>One paragraph of a <see cref="Document"/>.</summary>
/// <param name="Index">0-based index.</param>
/// <param name="Span">Its characters in <see cref="Document.Text"/> (trimmed of white space).</param>
/// <param name="FirstSentence">Index of its first sentence.</param>
/// <param name="SentenceCount">Number of its sentences (at least one).</param>
/// <param name="Line">1-based line of the text where it starts.</param>
public readonly record struct Paragraph(int Index, TextSpan Span, int FirstSentence, int SentenceCount, int Line);
