using System.Collections.Concurrent;
using System.Diagnostics;
using CyberGov.Align.Text;
using CyberGov.Align.Translation;
using CyberGov.Align.Translation.Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CyberGov.Align.Tests.Translation;

public sealed class AzureTranslatorTests : IAsyncLifetime
{
    internal const string Key = "test-key-9f3c1e7a-not-a-real-secret";
    private readonly LogCollector _logs = new();
    private FakeTranslatorServer _server = null!;
    private ServiceProvider? _services;

    public async Task InitializeAsync() => _server = await FakeTranslatorServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _server.DisposeAsync();
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(Key, StringComparison.Ordinal));
    }

    /// <summary>An ITranslator from DI against the fake server, with short timeouts and delays for tests; every log line is collected.</summary>
    private ITranslator Translator(Action<AzureTranslatorOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        services.AddAzureTranslator(o =>
        {
            o.Endpoint = _server.Url;
            o.Key = Key;
            o.Region = "eastasia";
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.TotalTimeout = TimeSpan.FromSeconds(30);
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            configure?.Invoke(o);
        });
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<ITranslator>();
    }

    [Fact]
    public async Task Translates_with_the_v3_contract_and_headers()
    {
        ITranslator translator = Translator();
        IReadOnlyList<string> result = await translator.TranslateAsync(["你好。", "世界。"], Language.Chinese, Language.English);
        Assert.Equal(["EN(你好。)", "EN(世界。)"], result);
        FakeTranslatorServer.Received r = Assert.Single(_server.Requests);
        Assert.Equal("/translate", r.Path);
        Assert.Equal("3.0", r.Query["api-version"]);
        Assert.Equal("zh-Hans", r.Query["from"]);
        Assert.Equal("en", r.Query["to"]);
        Assert.Equal(Key, r.Headers["Ocp-Apim-Subscription-Key"]);
        Assert.Equal("eastasia", r.Headers["Ocp-Apim-Subscription-Region"]);
        Assert.True(Guid.TryParse(r.Headers["X-ClientTraceId"], out _));
        Assert.Equal(1, translator.Usage.Requests);
        Assert.Equal(6, translator.Usage.Characters);

        // The HttpClient logged the request, headers included (at Trace), with their values redacted: the key check in DisposeAsync is not vacuous.
        Assert.Contains(_logs.Lines, l => l.Contains("Ocp-Apim-Subscription-Key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_resource_endpoint_and_a_global_resource_are_supported()
    {
        ITranslator translator = Translator(o =>
        {
            o.Endpoint = new Uri(_server.Url, "/translator/text/v3.0");
            o.Region = "global";
            o.Category = "my-model";
        });
        await translator.TranslateAsync(["Hello."], Language.English, Language.Chinese);
        FakeTranslatorServer.Received r = Assert.Single(_server.Requests);
        Assert.Equal("/translator/text/v3.0/translate", r.Path);
        Assert.False(r.Headers.ContainsKey("Ocp-Apim-Subscription-Region"));
        Assert.Equal("zh-Hans", r.Query["to"]);
        Assert.Equal("my-model", r.Query["category"]);
    }

    [Fact]
    public async Task Batches_at_1000_texts_and_50000_characters_keeping_order()
    {
        ITranslator translator = Translator();
        string[] many = [.. Enumerable.Range(0, 2500).Select(i => $"句子{i}。")];
        IReadOnlyList<string> result = await translator.TranslateAsync(many, Language.Chinese, Language.English);
        Assert.Equal(many.Select(t => $"EN({t})"), result);
        Assert.Equal([1000, 1000, 500], _server.Requests.Select(r => r.Texts.Count));

        string[] long4000 = [.. Enumerable.Range(0, 30).Select(i => new string((char)('一' + i), 4000))];
        IReadOnlyList<string> longResult = await translator.TranslateAsync(long4000, Language.Chinese, Language.English);
        Assert.Equal(30, longResult.Count);
        List<FakeTranslatorServer.Received> longRequests = [.. _server.Requests.Skip(3)];
        Assert.Equal([12, 12, 6], longRequests.Select(r => r.Texts.Count));
        Assert.All(longRequests, r => Assert.True(r.Texts.Sum(t => t.Length) <= 50_000));

        var tooLong = await Assert.ThrowsAsync<TranslatorException>(() => translator.TranslateAsync([new string('字', 50_001)], Language.Chinese, Language.English));
        Assert.Equal(TranslatorErrorKind.TextTooLong, tooLong.Kind);
        Assert.Equal(400050, tooLong.ErrorCode);
    }

    [Fact]
    public async Task Throttling_is_retried_honouring_retry_after()
    {
        ITranslator translator = Translator();
        _server.ThenError(429, 429001, retryAfter: "1");
        var clock = Stopwatch.StartNew();
        Assert.Equal(["EN(甲)"], await translator.TranslateAsync(["甲"], Language.Chinese, Language.English));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}");
        Assert.Equal(2, _server.Requests.Count);

        _server.ThenError(429, 429000);
        _server.ThenError(429, 429000);
        Assert.Equal(["EN(乙)"], await translator.TranslateAsync(["乙"], Language.Chinese, Language.English));
        Assert.Equal(5, _server.Requests.Count);
    }

    [Fact]
    public async Task Server_errors_are_retried_then_succeed_and_persistent_ones_fail_typed()
    {
        ITranslator translator = Translator(o => o.MaxRetries = 2);
        _server.ThenError(500, 500000);
        _server.ThenError(503, 503000);
        Assert.Equal(["EN(丙)"], await translator.TranslateAsync(["丙"], Language.Chinese, Language.English));
        Assert.Equal(3, _server.Requests.Count);

        for (int k = 0; k < 3; k++)
        {
            _server.ThenError(503, 503000);
        }

        var ex = await Assert.ThrowsAsync<TranslatorException>(() => translator.TranslateAsync(["丁"], Language.Chinese, Language.English));
        Assert.Equal(TranslatorErrorKind.ServiceUnavailable, ex.Kind);
        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(503000, ex.ErrorCode);
    }

    [Fact]
    public async Task A_slow_attempt_times_out_and_is_retried()
    {
        ITranslator translator = Translator(o =>
        {
            o.MaxRetries = 1;
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
        });
        _server.ThenDelay(TimeSpan.FromSeconds(3));
        Assert.Equal(["EN(戊)"], await translator.TranslateAsync(["戊"], Language.Chinese, Language.English));
        Assert.Equal(2, _server.Requests.Count);

        _server.ThenDelay(TimeSpan.FromSeconds(3));
        _server.ThenDelay(TimeSpan.FromSeconds(3));
        var ex = await Assert.ThrowsAsync<TranslatorException>(() => translator.TranslateAsync(["己"], Language.Chinese, Language.English));
        Assert.Equal(TranslatorErrorKind.Timeout, ex.Kind);
    }

    [Fact]
    public async Task Authentication_failure_is_not_retried_and_keeps_the_code()
    {
        ITranslator translator = Translator();
        _server.ThenError(401, 401000);
        var ex = await Assert.ThrowsAsync<TranslatorException>(() => translator.TranslateAsync(["庚"], Language.Chinese, Language.English));
        Assert.Equal(TranslatorErrorKind.Authentication, ex.Kind);
        Assert.Equal(401000, ex.ErrorCode);
        Assert.Single(_server.Requests);
        Assert.DoesNotContain(Key, ex.ToString(), StringComparison.Ordinal);

        _server.ThenError(403, 403001);
        var quota = await Assert.ThrowsAsync<TranslatorException>(() => translator.TranslateAsync(["辛"], Language.Chinese, Language.English));
        Assert.Equal(TranslatorErrorKind.QuotaExceeded, quota.Kind);
        Assert.Equal(403001, quota.ErrorCode);
    }

    [Fact]
    public async Task Malformed_and_short_answers_are_errors()
    {
        ITranslator translator = Translator();
        _server.ThenMalformed();
        var malformed = await Assert.ThrowsAsync<TranslatorException>(() => translator.TranslateAsync(["壬"], Language.Chinese, Language.English));
        Assert.Equal(TranslatorErrorKind.MalformedResponse, malformed.Kind);

        _server.ThenFewer();
        var fewer = await Assert.ThrowsAsync<TranslatorException>(() => translator.TranslateAsync(["壬", "癸"], Language.Chinese, Language.English));
        Assert.Equal(TranslatorErrorKind.MalformedResponse, fewer.Kind);
        Assert.Contains("sent 2 texts, received 1", fewer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_are_validated_and_never_show_the_key()
    {
        var services = new ServiceCollection();
        services.AddAzureTranslator(o =>
        {
            o.Key = " ";
            o.MaxTextsPerRequest = 5000;
        });
        using ServiceProvider provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AzureTranslatorOptions>>().Value);
        Assert.Contains(ex.Failures, f => f.Contains("Key", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("MaxTextsPerRequest", StringComparison.Ordinal));

        var options = new AzureTranslatorOptions { Key = Key, Region = "eastasia" };
        Assert.DoesNotContain(Key, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("key=(set)", options.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Collects every log line written through Microsoft.Extensions.Logging.</summary>
    internal sealed class LogCollector : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Collector(LogCollector owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                string structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
                owner.Lines.Enqueue($"{category} {logLevel} {formatter(state, exception)} {structured} {exception}");
            }
        }
    }
}
