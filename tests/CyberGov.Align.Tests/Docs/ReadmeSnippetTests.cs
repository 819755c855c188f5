using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CyberGov.Align.Tests.Docs;

/// <summary>
/// Every C# block of README.md compiles, as a new console project would compile it (implicit usings on), against the
/// project's own assemblies: so the examples never lose a using, a variable or an API that was renamed.
/// </summary>
public sealed partial class ReadmeSnippetTests
{
    /// <summary>The global usings of a new SDK console project (ImplicitUsings enabled).</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    public static TheoryData<int, string> Blocks()
    {
        var data = new TheoryData<int, string>();
        string readme = File.ReadAllText(ReadmePath());
        foreach (Match m in CSharpBlock().Matches(readme))
        {
            data.Add(readme[..m.Index].Count(c => c == '\n') + 1, m.Groups[1].Value);
        }

        return data;
    }

    [Fact]
    public void The_readme_has_csharp_blocks() => Assert.True(Blocks().Count >= 3);

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Csharp_block_compiles(int line, string code)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        CSharpCompilation compilation = CSharpCompilation.Create(
            $"ReadmeLine{line}",
            [CSharpSyntaxTree.ParseText(ImplicitUsings, options), CSharpSyntaxTree.ParseText(code, options, path: $"README.md:{line}")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var pe = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(pe);
        string[] errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
        Assert.True(result.Success, $"README.md block at line {line} does not compile:\n{string.Join('\n', errors)}");
    }

    /// <summary>The framework's assemblies and every managed assembly beside the tests (the project's own and their dependencies).</summary>
    private static MetadataReference[] LoadReferences()
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string path in ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator))
        {
            byName[Path.GetFileName(path)] = path;
        }

        foreach (string path in Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
        {
            try
            {
                AssemblyName.GetAssemblyName(path);
                byName[Path.GetFileName(path)] = path;
            }
            catch (BadImageFormatException)
            {
                // a native library
            }
        }

        return byName.Values.Order(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    }

    private static string ReadmePath()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "README.md");
            if (File.Exists(Path.Combine(dir.FullName, "CyberGov.Align.sln")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("README.md beside CyberGov.Align.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
