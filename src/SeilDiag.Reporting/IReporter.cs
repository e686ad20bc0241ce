namespace SeilDiag.Reporting;

/// <summary>One output format. Reporters write only; they never decide what is found.</summary>
public interface IReporter
{
    /// <summary>The --format name.</summary>
    string Format { get; }

    void Write(ReportInput input, TextWriter output);
}

public static class Reporters
{
    public static IReadOnlyList<IReporter> All { get; } = [new TextReporter(), new JsonReporter(), new SarifReporter(), new MarkdownReporter(), new HtmlReporter()];

    public static IReporter? Find(string format) => All.FirstOrDefault(r => r.Format == format);
}
