namespace DigitalAlmaty.Tests.House;

/// <summary>The repository's hand-written source files, found from the test's own directory.</summary>
internal static class SourceTree
{
    /// <summary>Code the house rules apply to; resources (.resx), documents and data are not code.</summary>
    private static readonly string[] CodeExtensions = [".cs", ".razor", ".cshtml", ".css", ".js", ".sh", ".py"];

    /// <summary>Build output, installed packages and tool state: nobody writes these by hand.</summary>
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal)
    {
        "bin", "obj", "node_modules", ".git", ".vs", ".idea", "App_Data", "TestResults", "results",
    };

    public static string Root { get; } = FindRoot();

    /// <summary>
    /// Every hand-written code file under the root, as a path relative to it with '/' separators.
    /// Generated code is left out: EF Core migrations and their snapshots (a folder named Migrations),
    /// *.Designer.cs and *.g.cs.
    /// </summary>
    public static IReadOnlyList<string> HandWrittenFiles(params string[] extensions)
    {
        var wanted = extensions.Length == 0 ? CodeExtensions : extensions;
        var files = new List<string>();
        Walk(new DirectoryInfo(Root));
        files.Sort(StringComparer.Ordinal);
        return files;

        void Walk(DirectoryInfo directory)
        {
            foreach (var child in directory.EnumerateDirectories())
            {
                if (!SkippedDirectories.Contains(child.Name) && child.Name is not ("Migrations" or "CompiledModels"))
                {
                    Walk(child);
                }
            }

            foreach (var file in directory.EnumerateFiles())
            {
                if (wanted.Contains(file.Extension, StringComparer.OrdinalIgnoreCase)
                    && !file.Name.EndsWith(".Designer.cs", StringComparison.OrdinalIgnoreCase)
                    && !file.Name.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase))
                {
                    files.Add(Relative(file.FullName));
                }
            }
        }
    }

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    public static string Full(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DigitalAlmaty.Blazor.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("Repository root (DigitalAlmaty.Blazor.sln) not found above " + AppContext.BaseDirectory);
    }
}
