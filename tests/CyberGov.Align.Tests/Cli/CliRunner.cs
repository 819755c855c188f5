using System.Diagnostics;
using System.Text;

namespace CyberGov.Align.Tests.Cli;

/// <summary>Runs the real <c>cyberalign</c> executable (built next to the tests) in a child process.</summary>
internal static class CliRunner
{
    /// <summary>
    /// The tool as its own project built it (src/CyberGov.Align.Cli/bin/CONFIG/TFM), with its own dependencies: the copy
    /// beside the tests shares the test project's framework references (ASP.NET Core for the fake server) and lacks the
    /// Microsoft.Extensions assemblies the tool ships.
    /// </summary>
    private static readonly Lazy<string> ToolPath = new(() =>
    {
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string tfm = baseDir.Name, configuration = baseDir.Parent!.Name;
        for (DirectoryInfo? dir = baseDir; dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "src", "CyberGov.Align.Cli", "bin", configuration, tfm, "cyberalign.dll");
            if (File.Exists(Path.Combine(dir.FullName, "CyberGov.Align.sln")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("cyberalign.dll: build src/CyberGov.Align.Cli first");
    });

    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static Result Run(params string[] args) => RunIn(null, args);

    public static Result RunIn(string? workingDirectory, params string[] args) => RunWith(workingDirectory, null, args);

    /// <summary>Runs with some environment variables set (a null value removes the variable).</summary>
    public static Result RunWith(string? workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        string dll = ToolPath.Value;
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
        foreach ((string name, string? value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                psi.Environment.Remove(name);
            }
            else
            {
                psi.Environment[name] = value;
            }
        }

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

    /// <summary>Starts the tool without waiting (stdout discarded, stderr readable): for signal tests.</summary>
    public static Process Start(params string[] args) => Start(readOutput: false, args);

    /// <summary>Starts the tool without waiting; with <paramref name="readOutput"/> its stdout is readable too (for a server that prints its address).</summary>
    public static Process Start(bool readOutput, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = readOutput,
            StandardOutputEncoding = readOutput ? Encoding.UTF8 : null,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(ToolPath.Value);
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        Process process = Process.Start(psi)!;
        process.StandardInput.Close();
        return process;
    }

    public static string TempFile(string content, string extension = ".txt", Encoding? encoding = null)
    {
        string path = Path.Combine(Path.GetTempPath(), $"cyberalign-test-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content, encoding ?? new UTF8Encoding(false));
        return path;
    }
}
