using SeilDiag.Analysis;
using SeilDiag.Text;

namespace SeilDiag.Cli.Inputs;

/// <summary>One input as given: its path, the kind detected from its content, and its text (null for binary captures).</summary>
public sealed record InputFile(string Path, DocumentKind Kind, SourceText? Text);
