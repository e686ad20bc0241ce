namespace SeilDiag.Logs.Tests;

/// <summary>Numbers out of range in a damaged line (a port, a message ID) make that line unrecognised, never a crash.</summary>
public class DamagedNumberTests
{
    [Fact]
    public void Out_of_range_port_and_message_id_do_not_stop_the_analysis()
    {
        var log = string.Join("\n",
            "Nov 28 00:35:35 13[NET] <to-remote|1> sending packet: from 10.0.0.1[99999999999] to 10.0.0.2[500] (332 bytes)",
            "Nov 28 00:35:35 16[ENC] <to-remote|1> parsed INFORMATIONAL_V1 request 99999999999999 [ N(NO_PROP) ]",
            "Nov 28 00:35:35 13[IKE] <to-remote|1> initiating Main Mode IKE_SA to-remote[1] to 10.0.0.2",
            "Nov 28 00:35:35 16[IKE] <to-remote|1> received NO_PROPOSAL_CHOSEN error notify");
        var analysis = LogFrontEnd.Analyze([LogInput.FromText("damaged.log", log)]);
        Assert.Single(analysis.Sessions);
        Assert.Contains(analysis.Diagnostics, d => d.Id == "SD1001");
    }
}
