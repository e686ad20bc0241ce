using SeilDiag.Diagnostics;

namespace SeilDiag.Analysis;

/// <summary>
/// One analyzer: reads the <see cref="IkeModel"/> and reports diagnostics of the rules it declares (like a
/// Roslyn DiagnosticAnalyzer). Analyzers never read files or talk to front-ends.
/// </summary>
public interface IAnalyzer
{
    IReadOnlyList<Rule> SupportedRules { get; }

    void Analyze(AnalysisContext context);
}

/// <summary>What an analyzer sees and where it reports.</summary>
public sealed class AnalysisContext(IkeModel model)
{
    private readonly List<Diagnostic> _diagnostics = [];

    public IkeModel Model { get; } = model;

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    /// <summary>Runs every analyzer over the model and returns what they reported, in report order.</summary>
    public static IReadOnlyList<Diagnostic> Run(IkeModel model, IEnumerable<IAnalyzer> analyzers)
    {
        var context = new AnalysisContext(model);
        foreach (var analyzer in analyzers)
        {
            analyzer.Analyze(context);
        }
        return context.Diagnostics;
    }
}
