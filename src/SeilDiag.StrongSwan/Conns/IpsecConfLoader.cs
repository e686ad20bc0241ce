using SeilDiag.Diagnostics;
using SeilDiag.StrongSwan.Syntax;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Conns;

/// <summary>ipsec.conf with its includes followed: every document, the lines in the order the starter reads them, and the sections.</summary>
public sealed class IpsecConfTree
{
    public required IReadOnlyList<IpsecConfDocument> Documents { get; init; }

    /// <summary>All lines in reading order, includes spliced in where they are included (the include lines themselves too).</summary>
    public required IReadOnlyList<IpsecConfLine> Lines { get; init; }

    public required IReadOnlyList<IpsecConfSection> Sections { get; init; }

    public IEnumerable<IpsecConfSection> Conns => Sections.Where(s => s.Kind == IpsecConfSectionKind.Conn);
}

/// <summary>
/// Reads an ipsec.conf and what it includes. Includes are spliced in at the include line, like the starter's lexer
/// does, so an included file may carry on a conn's parameters. Patterns resolve relative to the including file.
/// </summary>
public static class IpsecConfLoader
{
    public static IpsecConfTree Load(SourceText root, IncludeResolver resolver, List<Diagnostic> diagnostics)
    {
        var documents = new List<IpsecConfDocument>();
        var lines = new List<IpsecConfLine>();
        Visit(root, [IncludeResolver.FullPath(root.Path)], resolver, documents, lines, diagnostics);
        var sections = BuildSections(lines, diagnostics);
        return new IpsecConfTree { Documents = documents, Lines = lines, Sections = sections };
    }

    private static void Visit(SourceText text, List<string> stack, IncludeResolver resolver, List<IpsecConfDocument> documents,
        List<IpsecConfLine> lines, List<Diagnostic> diagnostics)
    {
        var document = IpsecConfDocument.Parse(text);
        documents.Add(document);
        foreach (var line in document.Lines)
        {
            lines.Add(line);
            switch (line.Kind)
            {
                case IpsecConfLineKind.Error:
                    diagnostics.Add(Diagnostic.Create(Rules.SyntaxError, Location.InText(text, line.ErrorSpan!.Value), line.ErrorMessage));
                    break;
                case IpsecConfLineKind.Include:
                    Include(text, line, stack, resolver, documents, lines, diagnostics);
                    break;
            }
        }
    }

    private static void Include(SourceText text, IpsecConfLine line, List<string> stack, IncludeResolver resolver,
        List<IpsecConfDocument> documents, List<IpsecConfLine> lines, List<Diagnostic> diagnostics)
    {
        var where = Location.InText(text, line.Find(IpsecConfTokenKind.Name)!.Value);
        resolver.Follow(text.Path, line.Name!, where, stack, diagnostics,
            (included, nested) => Visit(included, nested, resolver, documents, lines, diagnostics));
    }

    private static List<IpsecConfSection> BuildSections(List<IpsecConfLine> lines, List<Diagnostic> diagnostics)
    {
        var sections = new List<IpsecConfSection>();
        var byName = new Dictionary<(IpsecConfSectionKind, string), IpsecConfSection>();
        IpsecConfSection? current = null;
        foreach (var line in lines)
        {
            switch (line.Kind)
            {
                case IpsecConfLineKind.SectionHeader:
                    current = StartSection(line, sections, byName, diagnostics);
                    break;
                case IpsecConfLineKind.Parameter when current is null:
                    diagnostics.Add(Diagnostic.Create(Rules.SyntaxError, Location.InText(line.Document, line.Find(IpsecConfTokenKind.Key)!.Value),
                        new LocalizedText($"parameter '{line.Key}' is outside of any section; put it under 'config setup' or a 'conn NAME'",
                            $"パラメータ '{line.Key}' がどのセクションにも属していません。'config setup' か 'conn 名前' の下に書きます")));
                    break;
                case IpsecConfLineKind.Parameter:
                    var previous = current.Parameters.LastOrDefault(p => p.Key == line.Key);
                    if (previous is not null)
                    {
                        diagnostics.Add(Diagnostic.Create(Rules.DuplicateKey, Location.InText(line.Document, line.Find(IpsecConfTokenKind.Key)!.Value),
                            line.Key, previous.Line));
                    }
                    current.Parameters.Add(line);
                    break;
            }
        }
        return sections;
    }

    private static IpsecConfSection? StartSection(IpsecConfLine line, List<IpsecConfSection> sections,
        Dictionary<(IpsecConfSectionKind, string), IpsecConfSection> byName, List<Diagnostic> diagnostics)
    {
        var kind = line.Keyword switch
        {
            "config" => IpsecConfSectionKind.Setup,
            "ca" => IpsecConfSectionKind.Ca,
            _ => IpsecConfSectionKind.Conn,
        };
        var nameSpan = line.Find(IpsecConfTokenKind.Name)!.Value;
        if (kind == IpsecConfSectionKind.Setup && line.Name != "setup")
        {
            diagnostics.Add(Diagnostic.Create(Rules.SyntaxError, Location.InText(line.Document, nameSpan),
                new LocalizedText($"'config {line.Name}': the only config section is 'config setup'", $"'config {line.Name}': config セクションは 'config setup' だけです")));
        }
        var section = new IpsecConfSection { Kind = kind, Name = line.Name!, Header = line };
        if (kind != IpsecConfSectionKind.Setup && !section.IsDefault && byName.TryGetValue((kind, section.Name), out var duplicate))
        {
            diagnostics.Add(Diagnostic.Create(Rules.DuplicateKey, Location.InText(line.Document, nameSpan),
                $"{line.Keyword} {section.Name}", duplicate.Header.Line));
        }
        sections.Add(section);
        byName[(kind, section.Name)] = section;
        return section;
    }
}
