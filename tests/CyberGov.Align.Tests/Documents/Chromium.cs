using System.Diagnostics;

namespace CyberGov.Align.Tests.Documents;

/// <summary>
/// Debian's headless Chromium (package chromium, with fonts-noto-cjk for Chinese), used to print web pages to PDF as
/// users do. Tests that need it skip where it is absent; CI installs it (.ci/run).
/// </summary>
internal static class Chromium
{
    private static readonly Lazy<string?> Executable = new(() =>
    {
        string? configured = Environment.GetEnvironmentVariable("CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
    });

    public static bool Available => Executable.Value is not null;

    /// <summary>
    /// A printable page of paragraphs (the first as a heading), with first lines indented as official documents are
    /// printed; Chromium adds its own running header (date, title) and footer (address, page numbers).
    /// </summary>
    public static string PrintPage(IEnumerable<string> paragraphs, string lang, bool indent = true)
    {
        string body = DocumentFixtures.Body(paragraphs);
        string style = indent ? "<style>p { text-indent: 2em; }</style>" : string.Empty;
        return $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>Print</title>{style}</head><body>\n{body}</body></html>";
    }

    /// <summary>Debian's Chromium, headless, for Playwright to drive (nothing is downloaded).</summary>
    public static Task<Microsoft.Playwright.IBrowser> LaunchAsync(Microsoft.Playwright.IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new Microsoft.Playwright.BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable.Value ?? throw new InvalidOperationException("chromium is not installed"),
            Headless = true,
            Args = ["--no-sandbox"],
        });

    /// <summary>Prints an HTML file to PDF and returns the PDF's bytes.</summary>
    public static byte[] PrintToPdf(string htmlPath)
    {
        string pdf = Path.ChangeExtension(htmlPath, ".pdf");
        var start = new ProcessStartInfo(Executable.Value ?? throw new InvalidOperationException("chromium is not installed"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={Path.GetDirectoryName(htmlPath)}/profile", $"--print-to-pdf={pdf}", new Uri(htmlPath).AbsoluteUri })
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(120_000) || !File.Exists(pdf))
        {
            throw new InvalidOperationException($"chromium did not print {htmlPath}: {error}");
        }

        return File.ReadAllBytes(pdf);
    }
}

/// <summary>A fact that runs only where Debian's chromium is installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.Available)
        {
            Skip = "chromium not found (apt-get install chromium fonts-noto-cjk; CI installs it)";
        }
    }
}

/// <summary>A theory that runs only where both ../shared/data and Debian's chromium are present.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class DevDataChromiumTheoryAttribute : TheoryAttribute
{
    public DevDataChromiumTheoryAttribute()
    {
        if (!DevData.DevDataPaths.Available)
        {
            Skip = "../shared/data/dev not found (set CYBERALIGN_DEVDATA to its path to run this measurement)";
        }
        else if (!Chromium.Available)
        {
            Skip = "chromium not found (apt-get install chromium fonts-noto-cjk)";
        }
    }
}
