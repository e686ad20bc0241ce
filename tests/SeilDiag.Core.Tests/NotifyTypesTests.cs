using SeilDiag.Ike;

namespace SeilDiag.Tests.Core;

public class NotifyTypesTests
{
    [Theory]
    [InlineData("NO_PROP", "NO-PROPOSAL-CHOSEN")]
    [InlineData("NO_PROPOSAL_CHOSEN", "NO-PROPOSAL-CHOSEN")]
    [InlineData("INVAL_KE", "INVALID-KEY-INFORMATION")]
    [InlineData("INVAL_ID", "INVALID-ID-INFORMATION")]
    [InlineData("AUTH_FAILED", "AUTHENTICATION-FAILED")]
    [InlineData("DPD", "R-U-THERE")]
    [InlineData("(24576)", "RESPONDER-LIFETIME")]
    public void Charon_prints_ikev2_names_for_ikev1_notifies(string charon, string rfc) =>
        Assert.Equal(rfc, NotifyTypes.FromCharon(charon));

    [Fact]
    public void Wire_values_have_rfc_names_and_error_ranges()
    {
        Assert.Equal("NO-PROPOSAL-CHOSEN", NotifyTypes.Name(14));
        Assert.Equal("CERT-TYPE-UNSUPPORTED", NotifyTypes.Name(21));
        Assert.Equal("NOTIFY-9999", NotifyTypes.Name(9999));
        Assert.True(NotifyTypes.IsError(NotifyTypes.PayloadMalformed));
        Assert.False(NotifyTypes.IsError(NotifyTypes.InitialContact));
        Assert.Null(NotifyTypes.FromCharon("NOT_A_NOTIFY"));
    }
}
