using CyberGov.Align.Scoring;

namespace CyberGov.Align.Alignment;

/// <summary>
/// Configures and builds an <see cref="Aligner"/> (like Markdig's pipeline builder: configure, then
/// <see cref="Build"/> freezes it into an immutable, thread-safe aligner).
/// </summary>
public sealed class AlignerBuilder
{
    private AlignerOptions _options = AlignerOptions.Default;
    private BilingualLexicon? _lexicon;
    private readonly List<Glossary> _glossaries = [];
    private LearnedLexicon? _learned;

    /// <summary>Uses the bundled CC-CEDICT dictionary (the default).</summary>
    /// <returns>This builder.</returns>
    public AlignerBuilder UseBundledDictionary()
    {
        _lexicon = null;
        return this;
    }

    /// <summary>Uses another dictionary, e.g. <see cref="BilingualLexicon.LoadCedict"/> of a newer CC-CEDICT, or <see cref="BilingualLexicon.Empty"/>.</summary>
    /// <param name="lexicon">The dictionary.</param>
    /// <returns>This builder.</returns>
    public AlignerBuilder UseDictionary(BilingualLexicon lexicon)
    {
        _lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));
        return this;
    }

    /// <summary>Adds a glossary of term pairs; glossary terms outrank the dictionary.</summary>
    /// <param name="glossary">The glossary.</param>
    /// <returns>This builder.</returns>
    public AlignerBuilder UseGlossary(Glossary glossary)
    {
        _glossaries.Add(glossary ?? throw new ArgumentNullException(nameof(glossary)));
        return this;
    }

    /// <summary>Adds a TSV glossary file (<c>中文&lt;TAB&gt;English</c> per line).</summary>
    /// <param name="path">The file.</param>
    /// <returns>This builder.</returns>
    public AlignerBuilder UseGlossary(string path) => UseGlossary(Glossary.LoadFile(path));

    /// <summary>
    /// Uses a learned lexicon (from <see cref="Aligner.LearnLexicon"/>, or <see cref="LearnedLexicon.LoadFile"/> of a
    /// file saved with <c>--lexicon-out</c>): its translations add to the dictionary's for every document. With
    /// <see cref="AlignerOptions.LearnLexicon"/> on, each document pair still learns its own on top.
    /// </summary>
    /// <param name="lexicon">The learned lexicon.</param>
    /// <returns>This builder.</returns>
    public AlignerBuilder UseLearnedLexicon(LearnedLexicon lexicon)
    {
        _learned = lexicon ?? throw new ArgumentNullException(nameof(lexicon));
        return this;
    }

    /// <summary>Sets the options (weights, paragraphs, anchors).</summary>
    /// <param name="options">The options.</param>
    /// <returns>This builder.</returns>
    public AlignerBuilder WithOptions(AlignerOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        return this;
    }

    /// <summary>Changes some options, starting from the current ones.</summary>
    /// <param name="configure">Returns the changed options, e.g. <c>o => o with { NullCost = 6 }</c>.</param>
    /// <returns>This builder.</returns>
    public AlignerBuilder Configure(Func<AlignerOptions, AlignerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _options = configure(_options) ?? throw new InvalidOperationException("configure returned null");
        return this;
    }

    /// <summary>Validates the options and builds the aligner (loads the bundled dictionary on first use).</summary>
    /// <returns>An immutable, thread-safe aligner.</returns>
    public Aligner Build()
    {
        AlignerOptions options = _options.Validate();
        Glossary glossary = _glossaries.Count switch
        {
            0 => Glossary.Empty,
            1 => _glossaries[0],
            _ => Glossary.FromPairs(_glossaries.SelectMany(g => g.Entries)),
        };
        return new Aligner(options, _lexicon ?? BilingualLexicon.Default, glossary, _learned);
    }
}
