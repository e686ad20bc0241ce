namespace SeilDiag.Diagnosis;

/// <summary>
/// A step of a negotiation that both ends log at nearly the same instant, whatever their daemon (catalogue §5):
/// what pairs a racoon line with a charon line when neither prints the other's packet sizes.
/// </summary>
public enum NegotiationMilestone
{
    None,

    /// <summary>racoon "initiate/respond new phase 1 negotiation"; charon "initiating Main Mode IKE_SA" / "… is initiating a Main Mode IKE_SA".</summary>
    Phase1Start,

    /// <summary>racoon "ISAKMP-SA established"; charon "IKE_SA … established between".</summary>
    Phase1Established,

    /// <summary>racoon "initiate/respond new phase 2 negotiation" (charon logs no such line at its default level).</summary>
    Phase2Start,

    /// <summary>racoon "IPsec-SA established" (one per direction); charon "CHILD_SA … established with SPIs".</summary>
    Phase2Established,
}
