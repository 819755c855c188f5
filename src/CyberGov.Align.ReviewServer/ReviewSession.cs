using CyberGov.Align.Alignment;
using CyberGov.Align.Formats;
using CyberGov.Align.Review;

namespace CyberGov.Align.ReviewServer;

/// <summary>
/// One review: the editor with its corrections, the project it saves to after every edit, and the folder exports go
/// to. Requests arrive one at a time through <see cref="Run{T}"/> (the editor is not thread-safe).
/// </summary>
public sealed class ReviewSession
{
    private readonly Lock _gate = new();
    private readonly AlignmentEditor _editor;

    /// <summary>Starts a review of an alignment.</summary>
    /// <param name="aligner">The aligner that realigns the rest.</param>
    /// <param name="alignment">The alignment to review.</param>
    /// <param name="projectPrefix">Where the InterText project is saved: PREFIX.zh.xml, PREFIX.en.xml, PREFIX.zh.en.xml.</param>
    /// <param name="outputFolder">The only folder exports are written to.</param>
    /// <param name="confirmed">Beads already confirmed (from a project), or null.</param>
    public ReviewSession(Aligner aligner, AlignmentResult alignment, string projectPrefix, string outputFolder, IEnumerable<int>? confirmed = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectPrefix);
        ArgumentException.ThrowIfNullOrEmpty(outputFolder);
        _editor = new AlignmentEditor(aligner, alignment, confirmed);
        ProjectPrefix = Path.GetFullPath(projectPrefix);
        OutputFolder = Path.GetFullPath(outputFolder);
    }

    /// <summary>The project's path prefix.</summary>
    public string ProjectPrefix { get; }

    /// <summary>The export folder.</summary>
    public string OutputFolder { get; }

    /// <summary>The alignment's file for the project (the one <c>cyberalign review PROJECT.xml</c> opens).</summary>
    public string ProjectFile => InterTextFormat.Files(ProjectPrefix, _editor.Current.Source.Language, _editor.Current.Target.Language).Alignment;

    /// <summary>Runs <paramref name="action"/> on the editor, alone.</summary>
    /// <typeparam name="T">The result.</typeparam>
    /// <param name="action">What to do.</param>
    /// <returns>Its result.</returns>
    public T Run<T>(Func<AlignmentEditor, T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_gate)
        {
            return action(_editor);
        }
    }

    /// <summary>Saves the project (the two documents and the alignment with its confirmed beads); each file is replaced whole.</summary>
    public void Save() => Run(editor =>
    {
        AlignmentResult current = editor.Current;
        (string source, string target, string links) = InterTextFormat.Files(ProjectPrefix, current.Source.Language, current.Target.Language);
        Directory.CreateDirectory(Path.GetDirectoryName(links)!);
        var sourceText = new StringWriter();
        var targetText = new StringWriter();
        var linksText = new StringWriter();
        InterTextFormat.Write(current, sourceText, targetText, linksText, Path.GetFileName(source), Path.GetFileName(target), editor.Confirmed.ToHashSet());
        Replace(source, sourceText.ToString());
        Replace(target, targetText.ToString());
        Replace(links, linksText.ToString());
        return true;
    });

    /// <summary>Exports the current alignment in a format to the output folder; returns the file written.</summary>
    /// <param name="format">A format name of <see cref="AlignmentFormats"/> (tmx, xliff, xliff2, tsv, jsonl, html …).</param>
    /// <returns>The path written.</returns>
    public string Export(string format)
    {
        AlignmentWriter writer = AlignmentFormats.Create(format);
        return Run(editor =>
        {
            string name = Path.GetFileName(ProjectPrefix) + writer.FileExtension;
            string path = Path.Combine(OutputFolder, name);
            Directory.CreateDirectory(OutputFolder);
            Replace(path, writer.WriteToString(editor.Current));
            return path;
        });
    }

    /// <summary>Writes a file under a temporary name and renames it over the old one, so a reader never sees half of it.</summary>
    private static void Replace(string path, string text)
    {
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, text, new System.Text.UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}
