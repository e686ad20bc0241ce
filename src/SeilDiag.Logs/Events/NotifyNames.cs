using SeilDiag.Ike;

namespace SeilDiag.Logs.Events;

/// <summary>
/// Notify names as the logs print them, turned into RFC 2408 names through Core's one notify table
/// (<see cref="NotifyTypes"/>): charon prints IKEv1 notifies with its IKEv2 names, long in "received %N error
/// notify" and short in payload lists ("N(NO_PROP)"), or "(n)"; racoon already prints RFC names.
/// </summary>
public static class NotifyNames
{
    /// <summary>The RFC 2408 name of a notify printed by charon (long or short) or racoon; unknown names with '-' for '_'.</summary>
    public static string ToRfcName(string name) => NotifyTypes.FromCharon(name) ?? name.Replace('_', '-');
}
