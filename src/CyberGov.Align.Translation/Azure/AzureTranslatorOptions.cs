using Microsoft.Extensions.Options;

namespace CyberGov.Align.Translation.Azure;

/// <summary>
/// Settings of the Azure AI Translator client. The key, region and endpoint may come from the environment
/// (<see cref="KeyVariable"/>, <see cref="RegionVariable"/>, <see cref="EndpointVariable"/>); values set in code win.
/// The key is never written to logs, messages or files, and <see cref="ToString"/> leaves it out.
/// </summary>
public sealed class AzureTranslatorOptions
{
    /// <summary>Environment variable holding the subscription key.</summary>
    public const string KeyVariable = "AZURE_TRANSLATOR_KEY";

    /// <summary>Environment variable holding the resource's region (e.g. <c>eastasia</c>; leave unset for a global resource).</summary>
    public const string RegionVariable = "AZURE_TRANSLATOR_REGION";

    /// <summary>Environment variable holding the endpoint.</summary>
    public const string EndpointVariable = "AZURE_TRANSLATOR_ENDPOINT";

    /// <summary>The global endpoint of the Translator v3 API.</summary>
    public static readonly Uri GlobalEndpoint = new("https://api.cognitive.microsofttranslator.com");

    /// <summary>The endpoint: the global one, or a resource's (<c>https://NAME.cognitiveservices.azure.com/translator/text/v3.0</c>). <c>/translate</c> is appended.</summary>
    public Uri Endpoint { get; set; } = GlobalEndpoint;

    /// <summary>The subscription key (<c>Ocp-Apim-Subscription-Key</c>). Required.</summary>
    public string? Key { get; set; }

    /// <summary>The resource's region (<c>Ocp-Apim-Subscription-Region</c>); not sent when empty or <c>global</c>.</summary>
    public string? Region { get; set; }

    /// <summary>A custom-translator category, or null for the general model.</summary>
    public string? Category { get; set; }

    /// <summary>Most texts in one request (the service allows 1,000).</summary>
    public int MaxTextsPerRequest { get; set; } = 1000;

    /// <summary>Most characters in one request (the service allows 50,000).</summary>
    public int MaxCharactersPerRequest { get; set; } = 50_000;

    /// <summary>Time limit of one attempt. Default 20 s, above the service's 15 s maximum latency.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Time limit of one request with all its retries. Default 2 minutes.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Retries after a 408, 429, 5xx, timeout or connection failure. Default 4.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First retry delay (exponential with jitter) when the answer has no <c>Retry-After</c>. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Fills what is not set from the environment variables.</summary>
    public void ReadEnvironment()
    {
        Key ??= NullIfEmpty(Environment.GetEnvironmentVariable(KeyVariable));
        Region ??= NullIfEmpty(Environment.GetEnvironmentVariable(RegionVariable));
        if (Endpoint == GlobalEndpoint && NullIfEmpty(Environment.GetEnvironmentVariable(EndpointVariable)) is { } endpoint)
        {
            Endpoint = Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri) ? uri : throw new OptionsValidationException(nameof(Endpoint), typeof(AzureTranslatorOptions), [$"{EndpointVariable} is not an absolute URL"]);
        }
    }

    /// <summary>The settings without the key.</summary>
    /// <returns>A description for logs.</returns>
    public override string ToString() =>
        $"endpoint={Endpoint}, region={Region ?? "(none)"}, category={Category ?? "(general)"}, key={(string.IsNullOrEmpty(Key) ? "(missing)" : "(set)")}";

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Checks <see cref="AzureTranslatorOptions"/> (like Polly's options validation: all problems at once, at start).</summary>
public sealed class AzureTranslatorOptionsValidator : IValidateOptions<AzureTranslatorOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AzureTranslatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Key))
        {
            failures.Add($"Key is required: set it in the options or in {AzureTranslatorOptions.KeyVariable}");
        }

        if (options.Endpoint is null || !options.Endpoint.IsAbsoluteUri || (options.Endpoint.Scheme != Uri.UriSchemeHttps && options.Endpoint.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Endpoint must be an absolute http(s) URL");
        }

        if (options.MaxTextsPerRequest is < 1 or > 1000)
        {
            failures.Add("MaxTextsPerRequest must be 1 to 1000 (the service's limit)");
        }

        if (options.MaxCharactersPerRequest is < 1 or > 50_000)
        {
            failures.Add("MaxCharactersPerRequest must be 1 to 50000 (the service's limit)");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero || options.TotalTimeout <= options.AttemptTimeout)
        {
            failures.Add("AttemptTimeout must be positive and TotalTimeout larger than it");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add("MaxRetries must be 0 to 10");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero)
        {
            failures.Add("RetryBaseDelay must not be negative");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
