using SeilDiag.Reporting;

namespace SeilDiag.Tests.Core;

public class AddressAfterDotsTests
{
    [Fact]
    public void Charons_host_pair_separator_does_not_hide_the_second_address()
    {
        var redactor = Redactor.None.WithAddresses(new AddressRedactor());
        var text = redactor.Redact("IKE_SA to-remote[1] established between 10.0.0.1[10.0.0.1]...10.0.0.2[10.0.0.2]");
        Assert.DoesNotContain("10.0.0.", text);
        Assert.Contains("host-1[host-1]...host-2[host-2]", text);
        // A longer dotted number (an OID or version) is still not an address.
        Assert.Equal("oid 1.3.6.1.4.1.2", redactor.Redact("oid 1.3.6.1.4.1.2"));
    }
}
