using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DigitalAlmaty.Tests.House;

/// <summary>
/// Rooms named for what they hold (issue #14), in the portal's own code (DigitalAlmaty.Web,
/// DigitalAlmaty.Domain and the bench host; generated migrations excepted). The rule, parsed with Roslyn:
/// <list type="bullet">
/// <item>A file declares at most one top-level type, public or internal, and the file is named for it:
/// <c>QueueRow.cs</c> holds <c>QueueRow</c> (or <c>QueueRow&lt;T&gt;</c>); a Razor component's
/// code-behind <c>X.razor.cs</c> holds <c>X</c>; a Razor Page's <c>X.cshtml.cs</c> holds <c>XModel</c>.</item>
/// <item>No exception for small records, enums or options: a payload gets its own file beside the
/// service that uses it. Nested types are part of their outer type, and <c>file</c>-local types are
/// invisible outside their file, so neither counts.</item>
/// <item>A file may declare no type at all (Program.cs's top-level statements).</item>
/// </list>
/// </summary>
public class OneTypePerFileTests
{
    private static readonly string[] Projects = ["DigitalAlmaty.Web/", "DigitalAlmaty.Domain/", "bench/DigitalAlmaty.Bench.Host/"];

    [Fact]
    public void EveryFile_DeclaresOneTopLevelType_NamedForTheFile()
    {
        var files = SourceTree.HandWrittenFiles(".cs").Where(f => Projects.Any(p => f.StartsWith(p, StringComparison.Ordinal))).ToList();
        Assert.Contains("DigitalAlmaty.Web/Features/Moderation/ModerationQueue.cs", files);

        var problems = new List<string>();
        foreach (var file in files)
        {
            var types = TopLevelTypes(File.ReadAllText(SourceTree.Full(file)));
            var expected = ExpectedTypeName(file);
            if (types.Count > 1)
            {
                problems.Add($"{file}: {types.Count} top-level types ({string.Join(", ", types)}); give each its own file named for it");
            }
            else if (types.Count == 1 && types[0] != expected)
            {
                problems.Add($"{file}: holds {types[0]}; name the file for it ({types[0]}.cs) or move the type");
            }
        }

        Assert.True(problems.Count == 0, "Files that hold more than one type or are named for something else:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void TheParser_SeesTopLevelTypes_ButNotNestedOrFileLocalOnes()
    {
        const string source = """
            namespace Sample;

            public sealed record Payload(int Id);

            internal enum Mode { A, B }

            public delegate void Handler(int id);

            file sealed class Helper;

            public sealed class Service
            {
                public sealed record Nested(int Id);
            }
            """;

        Assert.Equal(["Payload", "Mode", "Handler", "Service"], TopLevelTypes(source));
        Assert.Equal("LoginModel", ExpectedTypeName("DigitalAlmaty.Web/Areas/Identity/Pages/Account/Login.cshtml.cs"));
        Assert.Equal("QueueList", ExpectedTypeName("DigitalAlmaty.Web/Features/Moderation/QueueList.razor.cs"));
        Assert.Equal("QueueRow", ExpectedTypeName("DigitalAlmaty.Web/Features/Moderation/QueueRow.cs"));
    }

    private static List<string> TopLevelTypes(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
        return root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<MemberDeclarationSyntax>()
            .Where(member => member.Parent is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .Where(member => !member.Modifiers.Any(SyntaxKind.FileKeyword))
            .Select(member => member switch
            {
                BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
                DelegateDeclarationSyntax handler => handler.Identifier.ValueText,
                _ => null,
            })
            .OfType<string>()
            .ToList();
    }

    private static string ExpectedTypeName(string file)
    {
        var name = Path.GetFileName(file);
        if (name.EndsWith(".cshtml.cs", StringComparison.Ordinal))
        {
            return name[..^".cshtml.cs".Length] + "Model";
        }

        return name.EndsWith(".razor.cs", StringComparison.Ordinal) ? name[..^".razor.cs".Length] : name[..^".cs".Length];
    }
}
