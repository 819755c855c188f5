using System.Diagnostics;
using System.Text;

namespace CyberGov.Align.Tests.Cli;

/// <summary>Runs the real <c>cyberalign</c> executable (built next to the tests) in a child process.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static Result Run(params string[] args) => RunIn(null, args);

    public static Result RunIn(string? workingDirectory, params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "cyberalign.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        psi.ArgumentList.Add(dll);
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using Process process = Process.Start(psi)!;
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("cyberalign did not finish in 120 s");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static string TempFile(string content, string extension = ".txt", Encoding? encoding = null)
    {
        string path = Path.Combine(Path.GetTempPath(), $"cyberalign-test-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content, encoding ?? new UTF8Encoding(false));
        return path;
    }
}
