using System.CommandLine;
using System.Globalization;
using CyberGov.Align.Alignment;
using CyberGov.Align.Text;
using CyberGov.Align.Translation;
using CyberGov.Align.Translation.GapFilling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CyberGov.Align.Cli;

/// <summary>The options of translation-assisted gap filling.</summary>
internal sealed class TranslatorSettings
{
    public Option<string?> Translator { get; } = new("--translator") { Description = "Fill low-confidence gaps with machine translation: 'azure' (key in AZURE_TRANSLATOR_KEY, region in AZURE_TRANSLATOR_REGION, endpoint in AZURE_TRANSLATOR_ENDPOINT) or 'file:PATH' (one translation per source sentence)." };

    public Option<long?> Budget { get; } = new("--budget-chars") { Description = "Most characters to send for translation (default: no limit); the least confident regions go first." };

    public Option<DirectoryInfo?> Cache { get; } = new("--cache") { Description = "Folder of a persistent translation cache: a re-run sends nothing already translated." };

    public Option<double?> Threshold { get; } = new("--gap-threshold") { Description = "Beads below this confidence are gaps (default 0.8)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Translator);
        command.Options.Add(Budget);
        command.Options.Add(Cache);
        command.Options.Add(Threshold);
    }

    /// <summary>Whether --translator was given; the options that only make sense with it are refused without it, and bad values are refused.</summary>
    public bool Enabled(ParseResult parse)
    {
        bool enabled = parse.GetValue(Translator) is not null;
        foreach ((string name, bool given) in new[]
        {
            ("--gap-threshold", parse.GetValue(Threshold) is not null),
            ("--budget-chars", parse.GetValue(Budget) is not null),
            ("--cache", parse.GetValue(Cache) is not null),
        })
        {
            if (given && !enabled)
            {
                throw new ArgumentException($"{name} needs --translator (it only applies to translation-assisted gap filling)");
            }
        }

        _ = GapOptions(parse);
        return enabled;
    }

    /// <summary>
    /// The gap-filling options from the command line, checked by <see cref="GapFillOptions.Validate"/> (the library's
    /// own ranges) with the error put in the terms of the flag the user typed.
    /// </summary>
    private GapFillOptions GapOptions(ParseResult parse)
    {
        var options = new GapFillOptions
        {
            BudgetCharacters = parse.GetValue(Budget),
            ConfidenceThreshold = parse.GetValue(Threshold) ?? GapFillOptions.Default.ConfidenceThreshold,
        };
        try
        {
            return options.Validate();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new ArgumentException(ex.ParamName switch
            {
                nameof(GapFillOptions.BudgetCharacters) => $"--budget-chars must be 0 or more (got {options.BudgetCharacters})",
                nameof(GapFillOptions.ConfidenceThreshold) => $"--gap-threshold must be between 0 and 1 (got {options.ConfidenceThreshold.ToString(CultureInfo.InvariantCulture)})",
                _ => $"gap filling: {ex.ParamName} {ex.ActualValue} is out of range",
            }, ex);
        }
    }

    /// <summary>
    /// Fills the gaps of <paramref name="result"/> and reports the cost on stderr. <c>Failed</c> is true when a region
    /// could not be translated because the translator failed (the alignment is still complete: those regions stay as the
    /// offline aligner had them); regions left out for the budget are not failures.
    /// </summary>
    public async Task<(AlignmentResult Alignment, bool Failed)> FillAsync(ParseResult parse, Aligner aligner, AlignmentResult result, CancellationToken cancellationToken)
    {
        string spec = parse.GetValue(Translator)!;
        using ServiceProvider? services = spec == "azure" ? AzureServices() : null;
        ITranslator translator = spec switch
        {
            "azure" => services!.GetRequiredService<ITranslator>(),
            _ when spec.StartsWith("file:", StringComparison.Ordinal) && spec.Length > 5 => FileTranslator.Load(spec[5..], result.Source),
            _ => throw new ArgumentException($"--translator '{spec}': use azure or file:PATH"),
        };

        using CachingTranslator? cache = parse.GetValue(Cache) is { } folder ? new CachingTranslator(translator, folder.FullName) : null;
        GapFillResult filled = await new GapFiller(aligner, (ITranslator?)cache ?? translator, GapOptions(parse)).FillAsync(result, cancellationToken).ConfigureAwait(false);

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cyberalign: gap filling: {filled.Regions} low-confidence regions, {filled.RegionsFilled} re-aligned; {filled.SentencesTranslated} of {result.Source.Sentences.Count} source sentences translated ({filled.ShareTranslated:P1}); {filled.CharactersSent} characters translated in {filled.Requests} requests{(cache is null ? string.Empty : $" ({cache.Hits} texts from the cache)")}; {filled.Elapsed.TotalSeconds:0.0} s"));
        foreach (UntranslatedRegion u in filled.Untranslated)
        {
            Bead first = result.Beads[u.Beads.Start], last = result.Beads[u.Beads.End - 1];
            Console.Error.WriteLine($"cyberalign: not translated: source sentences {first.SourceStart}–{last.SourceEnd - 1}: {u.Reason}");
        }

        int failed = filled.Untranslated.Count(u => u.Error is not null);
        if (failed > 0)
        {
            Console.Error.WriteLine($"cyberalign: error: the translator failed for {failed} region(s); they keep the offline alignment (the output is complete)");
        }

        return (filled.Alignment, failed > 0);
    }

    private static ServiceProvider AzureServices()
    {
        var services = new ServiceCollection();
        services.AddAzureTranslator();
        ServiceProvider provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<Translation.Azure.AzureTranslatorOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            provider.Dispose();
            throw new ArgumentException("azure translator: " + string.Join("; ", ex.Failures), ex);
        }

        return provider;
    }
}
