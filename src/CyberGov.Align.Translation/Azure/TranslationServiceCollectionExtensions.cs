using CyberGov.Align.Translation.Azure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Azure AI Translator client.</summary>
public static class TranslationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CyberGov.Align.Translation.ITranslator"/> as an <see cref="AzureTranslator"/> typed HttpClient
    /// with the standard resilience handler: retries on 408, 429 and 5xx (honouring <c>Retry-After</c>), a per-attempt
    /// timeout, a total timeout and a circuit breaker, set from <see cref="AzureTranslatorOptions"/>. Options are read from
    /// the environment, then <paramref name="configure"/>, and validated when first used. Header values are redacted in
    /// HttpClient logs, so the key never reaches a log.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets options in code (they win over the environment).</param>
    /// <returns>The HttpClient builder, to add handlers.</returns>
    public static IHttpClientBuilder AddAzureTranslator(this IServiceCollection services, Action<AzureTranslatorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<AzureTranslatorOptions>()
            .Configure(o => configure?.Invoke(o))
            .PostConfigure(o => o.ReadEnvironment());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureTranslatorOptions>, AzureTranslatorOptionsValidator>());
        services.TryAddSingleton<CyberGov.Align.Translation.TranslationUsage>();

        IHttpClientBuilder builder = services
            .AddHttpClient<CyberGov.Align.Translation.ITranslator, AzureTranslator>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(_ => true);
        builder.AddStandardResilienceHandler().Configure((HttpStandardResilienceOptions resilience, IServiceProvider provider) =>
        {
            AzureTranslatorOptions o = provider.GetRequiredService<IOptions<AzureTranslatorOptions>>().Value;
            resilience.AttemptTimeout.Timeout = o.AttemptTimeout;
            resilience.TotalRequestTimeout.Timeout = o.TotalTimeout;
            resilience.Retry.MaxRetryAttempts = Math.Max(1, o.MaxRetries);
            resilience.Retry.Delay = o.RetryBaseDelay;
            if (o.MaxRetries == 0)
            {
                resilience.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
            }

            // The breaker must sample over at least twice the attempt timeout.
            resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 2 * o.AttemptTimeout.Ticks + 1));
        });
        return builder;
    }
}
