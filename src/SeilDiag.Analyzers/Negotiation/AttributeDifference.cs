namespace SeilDiag.Analyzers.Negotiation;

/// <summary>One attribute in which the closest offered/accepted pair differs, with both sides' value lists.</summary>
public sealed record AttributeDifference(string Attribute, string AttributeJa, IReadOnlyList<string> Offered, IReadOnlyList<string> Accepted);
