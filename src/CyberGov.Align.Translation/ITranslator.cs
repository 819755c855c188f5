using CyberGov.Align.Text;

namespace CyberGov.Align.Translation;

/// <summary>Translates batches of texts. Implementations are thread-safe.</summary>
public interface ITranslator
{
    /// <summary>What this translator has cost so far (requests and characters sent to a service).</summary>
    TranslationUsage Usage { get; }

    /// <summary>Translates texts; the result has one translation per text, in order.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="sourceLanguage">Their language.</param>
    /// <param name="targetLanguage">The language to translate into.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The translations.</returns>
    /// <exception cref="TranslatorException">The service refused, failed or answered with something unusable.</exception>
    Task<IReadOnlyList<string>> TranslateAsync(IReadOnlyList<string> texts, Language sourceLanguage, Language targetLanguage, CancellationToken cancellationToken = default);
}

/// <summary>Counters of what a translator got translated: only requests the service answered with translations count (thread-safe).</summary>
public sealed class TranslationUsage
{
    private long _requests;
    private long _characters;
    private long _texts;

    /// <summary>Requests answered with translations (one per batch; retries of a batch are not counted again; failed requests not at all).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Characters translated (sent and accepted by the service).</summary>
    public long Characters => Interlocked.Read(ref _characters);

    /// <summary>Texts sent for translation.</summary>
    public long Texts => Interlocked.Read(ref _texts);

    /// <summary>Records one request.</summary>
    /// <param name="texts">Texts in it.</param>
    /// <param name="characters">Characters in it.</param>
    public void Add(int texts, long characters)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _texts, texts);
        Interlocked.Add(ref _characters, characters);
    }
}

/// <summary>Why a translation failed.</summary>
public enum TranslatorErrorKind
{
    /// <summary>The key was refused (401xxx).</summary>
    Authentication,

    /// <summary>The quota is used up or access is forbidden (403xxx).</summary>
    QuotaExceeded,

    /// <summary>A text or request was too long (400050 and friends).</summary>
    TextTooLong,

    /// <summary>The request was malformed or a parameter was refused (other 400xxx).</summary>
    BadRequest,

    /// <summary>Too many requests, still refused after the retries (429xxx).</summary>
    Throttled,

    /// <summary>The service failed or was unavailable, still after the retries (5xx), or the circuit is open.</summary>
    ServiceUnavailable,

    /// <summary>No answer in time.</summary>
    Timeout,

    /// <summary>The connection failed.</summary>
    Network,

    /// <summary>The answer was not the v3 JSON, or had fewer translations than texts sent.</summary>
    MalformedResponse,

    /// <summary>A file-backed translator has no translation for a text.</summary>
    MissingTranslation,
}

/// <summary>A translation failed; <see cref="Kind"/> and <see cref="ErrorCode"/> say why. Never carries the key.</summary>
public sealed class TranslatorException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Why.</param>
    /// <param name="message">What happened.</param>
    /// <param name="errorCode">The service's error code (e.g. 429001), or 0.</param>
    /// <param name="statusCode">The HTTP status, or 0.</param>
    /// <param name="inner">The cause.</param>
    public TranslatorException(TranslatorErrorKind kind, string message, int errorCode = 0, int statusCode = 0, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        ErrorCode = errorCode;
        StatusCode = statusCode;
    }

    /// <summary>Creates the exception (for serializers and tools).</summary>
    public TranslatorException()
        : this(TranslatorErrorKind.ServiceUnavailable, "translation failed")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public TranslatorException(string message)
        : this(TranslatorErrorKind.ServiceUnavailable, message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="inner">The cause.</param>
    public TranslatorException(string message, Exception inner)
        : this(TranslatorErrorKind.ServiceUnavailable, message, 0, 0, inner)
    {
    }

    /// <summary>Why the translation failed.</summary>
    public TranslatorErrorKind Kind { get; }

    /// <summary>The service's six-digit error code (e.g. 401000, 403001, 400050, 429000), or 0.</summary>
    public int ErrorCode { get; }

    /// <summary>The HTTP status code, or 0 when there was no response.</summary>
    public int StatusCode { get; }
}
