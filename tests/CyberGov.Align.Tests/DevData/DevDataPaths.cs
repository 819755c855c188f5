namespace CyberGov.Align.Tests.DevData;

/// <summary>Finds the shared development data (../shared/data beside the repository), which a fresh clone does not have.</summary>
internal static class DevDataPaths
{
    private static readonly Lazy<string?> Root = new(Locate);

    /// <summary>The data folder, or null when absent.</summary>
    public static string? DataRoot => Root.Value;

    public static bool Available => Root.Value is not null;

    public static string Path(params string[] parts) => System.IO.Path.Combine([DataRoot ?? throw new InvalidOperationException("no dev data"), .. parts]);

    private static string? Locate()
    {
        string? fromEnv = Environment.GetEnvironmentVariable("CYBERALIGN_DEVDATA");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return Directory.Exists(fromEnv) ? fromEnv : null;
        }

        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CyberGov.Align.sln")))
            {
                string candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "data", "dev"));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}

/// <summary>A fact that runs only where ../shared/data is present (opt-in measurement against human-made gold data).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class DevDataFactAttribute : FactAttribute
{
    public DevDataFactAttribute()
    {
        if (!DevDataPaths.Available)
        {
            Skip = "../shared/data/dev not found (set CYBERALIGN_DEVDATA to its path to run this measurement)";
        }
    }
}

/// <summary>A theory that runs only where ../shared/data is present.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class DevDataTheoryAttribute : TheoryAttribute
{
    public DevDataTheoryAttribute()
    {
        if (!DevDataPaths.Available)
        {
            Skip = "../shared/data/dev not found (set CYBERALIGN_DEVDATA to its path to run this measurement)";
        }
    }
}
