namespace DigitalAlmaty.Tests.House;

/// <summary>
/// Rooms of a size a person can hold (issue #14): no hand-written code file (C#, Razor, CSS,
/// JavaScript, shell, Python) over 400 lines. Generated code (EF Core migrations, *.Designer.cs,
/// *.g.cs) is not counted. A file that grows past the limit is split by what it holds: a page into
/// child components and plain classes, a service into the services it really is, tests by topic.
/// </summary>
public class FileSizeTests
{
    public const int MaxLines = 400;

    [Fact]
    public void NoHandWrittenFile_IsLongerThan400Lines()
    {
        var files = SourceTree.HandWrittenFiles();
        Assert.Contains(files, f => f.EndsWith("ModerationQueuePage.razor", StringComparison.Ordinal));

        var tooLong = files
            .Select(file => (File: file, Lines: LineCount(SourceTree.Full(file))))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();

        Assert.True(tooLong.Count == 0, $"Files over {MaxLines} lines (split them by what they hold):\n" + string.Join('\n', tooLong));
    }

    private static int LineCount(string path)
    {
        var text = File.ReadAllText(path);
        if (text.Length == 0)
        {
            return 0;
        }

        var lines = text.Count(c => c == '\n');
        return text[^1] == '\n' ? lines : lines + 1;
    }
}
