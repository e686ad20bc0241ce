namespace SeilDiag.Diagnostics;

/// <summary>How sure a diagnosis is. Ordered: a higher value is surer.</summary>
public enum ConfidenceLevel
{
    /// <summary>Only predicted from configs: the config given may not be the one running.</summary>
    Low,

    /// <summary>Seen happening in one source (one log or one capture).</summary>
    Medium,

    /// <summary>Seen in two or more sources, or seen in one and predicted by the configs.</summary>
    High,
}

/// <summary>
/// The confidence of a diagnosis and why, e.g. High "observed in the capture and both logs, predicted by configs".
/// Set by the correlator, which is the only stage that sees every source; front-ends leave it null.
/// </summary>
public sealed record DiagnosisConfidence(ConfidenceLevel Level, LocalizedText Reason)
{
    public string LevelName => Level switch
    {
        ConfidenceLevel.High => "high",
        ConfidenceLevel.Medium => "medium",
        _ => "low",
    };

    public override string ToString() => $"{LevelName} ({Reason.English})";
}
