using System.Text;
using CyberGov.Align.Alignment;

namespace CyberGov.Align.Formats;

/// <summary>Settings shared by the writers.</summary>
public sealed record WriterOptions
{
    /// <summary>The defaults: null beads included.</summary>
    public static WriterOptions Default { get; } = new();

    /// <summary>Whether to write omissions and additions (1-0 and 0-1 beads). Default true; TMX users often turn it off.</summary>
    public bool IncludeNullBeads { get; init; } = true;

    /// <summary>Digits after the decimal point for confidences (0 to 6). Default 2.</summary>
    public int ConfidenceDecimals { get; init; } = 2;

    /// <summary>Document title for the HTML report (default: the source document's name).</summary>
    public string? Title { get; init; }

    /// <summary>Beads below this confidence are listed as low-confidence in the HTML report. Default 0.5.</summary>
    public double LowConfidence { get; init; } = 0.5;

    /// <summary>
    /// Whether JSONL (<c>flags</c>) and TMX (<c>x-flag</c> props) carry the translation review's findings per bead:
    /// omissions, additions, probable moves, differing numbers, partial omissions and additions, low confidence.
    /// Default true; false skips the review (a corpus of millions of sentences that nobody reviews).
    /// </summary>
    public bool IncludeFlags { get; init; } = true;

    /// <summary>Checks every value; throws <see cref="ArgumentOutOfRangeException"/> naming the first bad one.</summary>
    /// <returns>This instance.</returns>
    public WriterOptions Validate()
    {
        if (ConfidenceDecimals is < 0 or > 6)
        {
            throw new ArgumentOutOfRangeException(nameof(ConfidenceDecimals), ConfidenceDecimals, "must be 0 to 6");
        }

        if (!(LowConfidence is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(LowConfidence), LowConfidence, "must be in [0, 1]");
        }

        return this;
    }
}

/// <summary>
/// Writes an alignment in one format, bead by bead, to a <see cref="TextWriter"/> or (UTF-8 without BOM) a
/// <see cref="Stream"/>. Output is deterministic: the same alignment gives the same bytes. Writers are stateless and
/// thread-safe; each call opens its own session.
/// </summary>
public abstract class AlignmentWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Creates a writer.</summary>
    /// <param name="options">Settings; null for <see cref="WriterOptions.Default"/>.</param>
    protected AlignmentWriter(WriterOptions? options) => Options = (options ?? WriterOptions.Default).Validate();

    /// <summary>The format's name, as given to <c>--format</c> (e.g. <c>tmx</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The usual file extension, with the dot (e.g. <c>.tmx</c>).</summary>
    public abstract string FileExtension { get; }

    /// <summary>The settings.</summary>
    public WriterOptions Options { get; }

    /// <summary>Writes the whole alignment.</summary>
    /// <param name="alignment">The alignment.</param>
    /// <param name="writer">The output (not closed).</param>
    /// <param name="cancellationToken">Checked between beads.</param>
    public void Write(AlignmentResult alignment, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        ArgumentNullException.ThrowIfNull(writer);
        using AlignmentWriterSession session = Open(alignment, writer);
        foreach (Bead bead in alignment.Beads)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Wanted(bead))
            {
                session.Bead(bead);
            }
        }

        session.Close();
        writer.Flush();
    }

    /// <summary>Writes the whole alignment to a stream as UTF-8 without BOM, flushing asynchronously as it goes.</summary>
    /// <param name="alignment">The alignment.</param>
    /// <param name="stream">The output (left open).</param>
    /// <param name="cancellationToken">Checked between beads.</param>
    /// <returns>A task that completes when everything is flushed.</returns>
    public async Task WriteAsync(AlignmentResult alignment, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        ArgumentNullException.ThrowIfNull(stream);
        await using var writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        using (AlignmentWriterSession session = Open(alignment, writer))
        {
            int written = 0;
            foreach (Bead bead in alignment.Beads)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Wanted(bead))
                {
                    session.Bead(bead);
                    if (++written % 1024 == 0)
                    {
                        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            session.Close();
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes a partial alignment (<see cref="Aligner.AlignPartial"/>: report sentences linked to original sentences in
    /// any order) row by row. Formats that need a monotone alignment (ladder) throw <see cref="NotSupportedException"/>.
    /// </summary>
    /// <param name="alignment">The partial alignment.</param>
    /// <param name="writer">The output (not closed).</param>
    /// <param name="cancellationToken">Checked between rows.</param>
    /// <exception cref="NotSupportedException">The format cannot hold links out of order.</exception>
    public void Write(PartialAlignmentResult alignment, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        ArgumentNullException.ThrowIfNull(writer);
        using AlignmentWriterSession session = OpenPartial(alignment, writer);
        foreach (QuoteLink link in alignment.Links)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Options.IncludeNullBeads || link.Kind != QuoteLinkKind.Unlinked)
            {
                session.Link(link);
            }
        }

        session.Close();
        writer.Flush();
    }

    /// <summary>The partial alignment as a string (for small documents and tests).</summary>
    /// <param name="alignment">The partial alignment.</param>
    /// <returns>The text.</returns>
    public string WriteToString(PartialAlignmentResult alignment)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        Write(alignment, writer);
        return writer.ToString();
    }

    /// <summary>Starts writing a partial alignment; the default says the format cannot hold one.</summary>
    /// <param name="alignment">The partial alignment.</param>
    /// <param name="writer">The output.</param>
    /// <returns>The session that writes the rows with <see cref="AlignmentWriterSession.Link"/>.</returns>
    /// <exception cref="NotSupportedException">The format cannot hold links out of order.</exception>
    protected virtual AlignmentWriterSession OpenPartial(PartialAlignmentResult alignment, TextWriter writer) =>
        throw new NotSupportedException($"the {Name} format cannot hold a partial alignment (links out of order): use tsv, index, jsonl, tmx, xliff, xliff2 or html");

    /// <summary>The alignment as a string (for small documents and tests).</summary>
    /// <param name="alignment">The alignment.</param>
    /// <returns>The text.</returns>
    public string WriteToString(AlignmentResult alignment)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        Write(alignment, writer);
        return writer.ToString();
    }

    /// <summary>Starts writing one alignment: writes any header and returns the session that writes the beads.</summary>
    /// <param name="alignment">The alignment.</param>
    /// <param name="writer">The output.</param>
    /// <returns>The session.</returns>
    protected abstract AlignmentWriterSession Open(AlignmentResult alignment, TextWriter writer);

    private bool Wanted(Bead bead) => Options.IncludeNullBeads || !bead.IsNull;
}

/// <summary>Writes the beads of one alignment, then its footer (made by <see cref="AlignmentWriter"/> implementations).</summary>
public abstract class AlignmentWriterSession : IDisposable
{
    /// <summary>Writes one bead.</summary>
    /// <param name="bead">The bead.</param>
    public abstract void Bead(Bead bead);

    /// <summary>Writes one row of a partial alignment (sessions opened for one).</summary>
    /// <param name="link">The row.</param>
    public virtual void Link(QuoteLink link) => throw new NotSupportedException("this session writes beads, not the rows of a partial alignment");

    /// <summary>Writes the footer, if any.</summary>
    public virtual void Close()
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the session holds.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }
}
