namespace SeilDiag.Tests;

/// <summary>
/// Finds the project's shared material (../shared next to the repository: seed article, corpus, schemas).
/// Tests that need it call <see cref="Require"/>, which skips the test with a stated reason where it is absent,
/// so the repository's tests still run elsewhere; CI always has it.
/// </summary>
public static class SharedFiles
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    public static string? RootOrNull => Root.Value;

    public static string Require(params string[] relative)
    {
        var root = Root.Value;
        Skip.If(root is null, "../shared (seed, corpus, schemas) is not present next to the repository");
        var path = Path.Combine([root!, .. relative]);
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), $"{path} is not present");
        return path;
    }

    /// <summary>The repository root (where SeilDiag.sln is).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    private static string? FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("SEILDIAG_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }
        var candidate = Path.Combine(RepoRoot, "..", "shared");
        return Directory.Exists(candidate) ? Path.GetFullPath(candidate) : null;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SeilDiag.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("SeilDiag.sln not found above " + AppContext.BaseDirectory);
    }
}
