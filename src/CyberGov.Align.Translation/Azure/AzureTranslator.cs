using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CyberGov.Align.Text;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CyberGov.Align.Translation.Azure;

/// <summary>
/// Azure AI Translator over its REST v3 contract: <c>POST {endpoint}/translate?api-version=3.0&amp;from=zh-Hans&amp;to=en</c>
/// with a body <c>[{"Text":"…"}]</c>, batched to the service's limits (1,000 texts, 50,000 characters per request).
/// Retries, timeouts and the circuit breaker come from the HttpClient's resilience handler (see
/// <c>services.AddAzureTranslator()</c>); service errors become
/// <see cref="TranslatorException"/>s with the service's code. Register it with DI, or create it over an HttpClient.
/// </summary>
public sealed class AzureTranslator : ITranslator
{
    private readonly HttpClient _http;
    private readonly AzureTranslatorOptions _options;
    private readonly Uri _translateUri;

    /// <summary>Creates the client over an HttpClient (which should carry a resilience handler).</summary>
    /// <param name="http">The HttpClient.</param>
    /// <param name="options">Validated options.</param>
    /// <param name="usage">Counters to update (shared when registered with DI).</param>
    public AzureTranslator(HttpClient http, IOptions<AzureTranslatorOptions> options, TranslationUsage? usage = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        ValidateOptionsResult check = new AzureTranslatorOptionsValidator().Validate(null, _options);
        if (check.Failed)
        {
            throw new OptionsValidationException(nameof(AzureTranslatorOptions), typeof(AzureTranslatorOptions), check.Failures);
        }

        string baseUri = _options.Endpoint.AbsoluteUri.TrimEnd('/');
        _translateUri = new Uri(baseUri + "/translate");
        Usage = usage ?? new TranslationUsage();
    }

    /// <inheritdoc />
    public TranslationUsage Usage { get; }

    /// <summary>The service's code of a language: <c>zh-Hans</c>, <c>en</c>.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The code.</returns>
    public static string LanguageCode(Language language) => language switch
    {
        Language.Chinese => "zh-Hans",
        Language.English => "en",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "only Chinese and English"),
    };

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> TranslateAsync(IReadOnlyList<string> texts, Language sourceLanguage, Language targetLanguage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new List<string>(texts.Count);
        foreach ((int start, int count, int characters) in Batches(texts, _options.MaxTextsPerRequest, _options.MaxCharactersPerRequest))
        {
            IReadOnlyList<string> part = await SendAsync(texts, start, count, characters, sourceLanguage, targetLanguage, cancellationToken).ConfigureAwait(false);
            result.AddRange(part);
        }

        return result;
    }

    /// <summary>Splits texts into runs of at most <paramref name="maxTexts"/> texts and <paramref name="maxCharacters"/> characters.</summary>
    internal static IEnumerable<(int Start, int Count, int Characters)> Batches(IReadOnlyList<string> texts, int maxTexts, int maxCharacters)
    {
        int start = 0, count = 0, characters = 0;
        for (int i = 0; i < texts.Count; i++)
        {
            int length = texts[i].Length;
            if (length > maxCharacters)
            {
                throw new TranslatorException(TranslatorErrorKind.TextTooLong, $"text {i} has {length} characters; at most {maxCharacters} can be sent in one request", 400050);
            }

            if (count == maxTexts || characters + length > maxCharacters)
            {
                yield return (start, count, characters);
                start = i;
                count = 0;
                characters = 0;
            }

            count++;
            characters += length;
        }

        if (count > 0)
        {
            yield return (start, count, characters);
        }
    }

    private async Task<IReadOnlyList<string>> SendAsync(IReadOnlyList<string> texts, int start, int count, int characters, Language from, Language to, CancellationToken cancellationToken)
    {
        var body = new TranslateText[count];
        for (int k = 0; k < count; k++)
        {
            body[k] = new TranslateText(texts[start + k]);
        }

        string query = $"?api-version=3.0&from={LanguageCode(from)}&to={LanguageCode(to)}"
            + (string.IsNullOrEmpty(_options.Category) ? string.Empty : "&category=" + Uri.EscapeDataString(_options.Category));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_translateUri + query));
        request.Content = new StringContent(JsonSerializer.Serialize(body, TranslatorJson.Default.TranslateTextArray), Encoding.UTF8, "application/json");
        request.Headers.Add("Ocp-Apim-Subscription-Key", _options.Key);
        if (!string.IsNullOrEmpty(_options.Region) && !string.Equals(_options.Region, "global", StringComparison.OrdinalIgnoreCase))
        {
            request.Headers.Add("Ocp-Apim-Subscription-Region", _options.Region);
        }

        request.Headers.Add("X-ClientTraceId", Guid.NewGuid().ToString());
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new TranslatorException(TranslatorErrorKind.Timeout, $"the translator did not answer in time ({ex.Timeout.TotalSeconds:0.#} s per attempt, after retries)", 0, 0, ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new TranslatorException(TranslatorErrorKind.ServiceUnavailable, "the translator is failing; requests are paused (circuit open)", 0, 0, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TranslatorException(TranslatorErrorKind.Timeout, "the translator did not answer in time", 0, 0, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new TranslatorException(TranslatorErrorKind.Network, $"cannot reach the translator: {ex.Message}", 0, 0, ex);
        }

        using (response)
        {
            string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Error(response.StatusCode, text);
            }

            List<TranslateResult>? results;
            try
            {
                results = JsonSerializer.Deserialize(text, TranslatorJson.Default.ListTranslateResult);
            }
            catch (JsonException ex)
            {
                throw new TranslatorException(TranslatorErrorKind.MalformedResponse, $"the translator's answer is not the v3 JSON ({ex.Message})", 0, (int)response.StatusCode, ex);
            }

            if (results is null || results.Count != count)
            {
                throw new TranslatorException(TranslatorErrorKind.MalformedResponse, $"sent {count} texts, received {results?.Count ?? 0} translations", 0, (int)response.StatusCode);
            }

            var translations = new string[count];
            for (int k = 0; k < count; k++)
            {
                translations[k] = results[k].Translations is [{ Text: { } t }, ..]
                    ? t
                    : throw new TranslatorException(TranslatorErrorKind.MalformedResponse, $"item {k} of the answer has no translation", 0, (int)response.StatusCode);
            }

            Usage.Add(count, characters); // only what the service accepted and translated (what it bills)
            return translations;
        }
    }

    /// <summary>Maps an error answer (<c>{"error":{"code":429000,"message":"…"}}</c>) to an exception.</summary>
    internal static TranslatorException Error(HttpStatusCode status, string body)
    {
        int code = 0;
        string message = string.Empty;
        try
        {
            if (JsonSerializer.Deserialize(body, TranslatorJson.Default.ErrorEnvelope)?.Error is { } error)
            {
                code = error.Code;
                message = error.Message ?? string.Empty;
            }
        }
        catch (JsonException)
        {
            // not the documented error shape: keep the status only
        }

        int s = (int)status;
        int family = code > 0 ? code / 1000 : s;
        TranslatorErrorKind kind = family switch
        {
            401 => TranslatorErrorKind.Authentication,
            403 => TranslatorErrorKind.QuotaExceeded,
            429 => TranslatorErrorKind.Throttled,
            408 => TranslatorErrorKind.Timeout,
            400 when code is 400050 or 400077 or 400078 => TranslatorErrorKind.TextTooLong,
            413 => TranslatorErrorKind.TextTooLong,
            >= 500 => TranslatorErrorKind.ServiceUnavailable,
            _ => TranslatorErrorKind.BadRequest,
        };
        string detail = message.Length > 0 ? message : body.Length > 200 ? body[..200] : body;
        return new TranslatorException(kind, string.Create(CultureInfo.InvariantCulture, $"translator refused the request: HTTP {s}{(code > 0 ? $", code {code}" : string.Empty)}: {detail}"), code, s);
    }

    internal sealed record TranslateText([property: JsonPropertyName("Text")] string Text);

    internal sealed record TranslateResult([property: JsonPropertyName("translations")] List<TranslationItem>? Translations);

    internal sealed record TranslationItem([property: JsonPropertyName("text")] string? Text, [property: JsonPropertyName("to")] string? To);

    internal sealed record ErrorEnvelope([property: JsonPropertyName("error")] ErrorBody? Error);

    internal sealed record ErrorBody([property: JsonPropertyName("code")] int Code, [property: JsonPropertyName("message")] string? Message);
}

[JsonSerializable(typeof(AzureTranslator.TranslateText[]))]
[JsonSerializable(typeof(List<AzureTranslator.TranslateResult>))]
[JsonSerializable(typeof(AzureTranslator.ErrorEnvelope))]
internal sealed partial class TranslatorJson : JsonSerializerContext;
