using CyberGov.Align.Scoring;

namespace CyberGov.Align.Tests.Scoring;

/// <summary>Translation coverage (how well a machine translation and a bead's target side cover each other) at the level of words.</summary>
public sealed class TranslationCoverageTests
{
    private static double Mean(string translation, string target, bool words)
    {
        BilingualLexicon? lexicon = words ? BilingualLexicon.Default : null;
        CharNGrams h = CharNGrams.Build([translation], lexicon, null);
        CharNGrams r = CharNGrams.Build([target], lexicon, null);
        return TranslationCoverage.Score(h, 0, 1, r, 0, 1).Mean;
    }

    [Theory]
    [InlineData("Prices rose sharply in the markets.", "In the markets, prices sharply rose.")]
    [InlineData("The market price rises sharply.", "Sharply rising prices on the markets.")]
    [InlineData("我们要坚持改革开放。", "坚持改革开放，我们要。")]
    public void The_same_words_in_another_order_or_form_cover_each_other_fully(string translation, string target)
    {
        // Character n-grams across word boundaries (white space removed) and of different endings do not match; the
        // words (English stems without stop words, Chinese as the dictionary segments it) all do.
        double grams = Mean(translation, target, words: false);
        double words = Mean(translation, target, words: true);
        Assert.True(grams < 1, $"n-gram coverage {grams}");
        Assert.Equal(1.0, words, 6);
    }

    [Fact]
    public void Words_tell_a_translation_from_a_sentence_that_only_shares_fragments()
    {
        // "nations"/"station", "closer"/"closed" share most of their character n-grams but no stem.
        const string translation = "The station was closed.";
        double right = Mean(translation, "The station was closed for repairs.", words: true);
        double wrong = Mean(translation, "Nations stayed closer.", words: true);
        double wrongGrams = Mean(translation, "Nations stayed closer.", words: false);
        Assert.True(wrongGrams > 0.3, $"fragments share n-grams ({wrongGrams})");
        Assert.True(wrong < 0.1, $"but no word ({wrong})");
        // Every word of the translation is in the right sentence, and two of its three words in the translation.
        Assert.Equal((1 + (2.0 / 3)) / 2, right, 6);
    }

    [Fact]
    public void A_sentence_without_content_words_falls_back_to_character_n_grams()
    {
        // Stop words only: no content word on either side, so the n-grams alone decide.
        double withWords = Mean("Is it?", "It is.", words: true);
        double grams = Mean("Is it?", "It is.", words: false);
        Assert.Equal(grams, withWords, 9);
        Assert.True(grams is > 0 and < 1, $"n-gram coverage {grams}");
    }
}
