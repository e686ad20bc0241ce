using System.Net;
using System.Text.RegularExpressions;
using SeilDiag.Reporting;

namespace SeilDiag.Tests.Core;

public class ReportingAddressTests
{
    private static readonly Regex AnyIpv4 = new(@"(?<![\w.])\d{1,3}(\.\d{1,3}){3}(?![\w]|\.\d)");

    [Fact]
    public void Same_address_same_placeholder_across_the_report()
    {
        var a = new AddressRedactor();
        Assert.Equal("host-1[500] to host-2[500]", a.Redact("192.0.2.1[500] to 198.51.100.7[500]"));
        Assert.Equal("from host-2 again, host-1:4500", a.Redact("from 198.51.100.7 again, 192.0.2.1:4500"));
        Assert.Equal("net-1/24 === net-2/24, host-3", a.Redact("10.1.0.0/24 === 10.2.0.0/24, 10.1.0.1"));
        Assert.Equal("net-1/24", a.Redact("10.1.0.0/24"));
        Assert.Equal("host-4 and host-4 (same address, two spellings)", a.Redact("2001:db8::1 and 2001:0db8:0:0::1 (same address, two spellings)"));
        Assert.Equal("net-3/64", a.Redact("2001:db8:1::/64"));
    }

    [Fact]
    public void Show_secrets_and_redact_addresses_combine()
    {
        var redactor = Redactor.None.WithAddresses(new AddressRedactor());
        Assert.Equal("host-1 : PSK \"hunter2\"", redactor.Redact("192.0.2.1 : PSK \"hunter2\""));
        Assert.Equal("host-1 : PSK " + Redactor.Mask, new Redactor([]).WithAddresses(new AddressRedactor()).Redact("192.0.2.1 : PSK hunter2"));
    }

    [Fact]
    public void Times_versions_cookies_and_mac_addresses_are_not_addresses()
    {
        var a = new AddressRedactor();
        const string text = "Nov 28 00:35:41 strongSwan 5.9.8, OID 1.3.6.1.4.1.2620, SPIs 2d282aad9e791b03_i, mac 52:54:00:12:34:56, 12:34:56.789";
        Assert.Equal(text, a.Redact(text));
    }

    [Fact]
    public void Identities_it_is_given_are_replaced_as_whole_names()
    {
        var a = new AddressRedactor(["vpn.example.co.jp", "admin@example.co.jp", "example.co.jp"]);
        Assert.Equal("id-1 and id-2, zone id-3, not myvpn.example.co.jpx",
            a.Redact("vpn.example.co.jp and admin@example.co.jp, zone example.co.jp, not myvpn.example.co.jpx"));
        Assert.Equal("ID_FQDN id-1", a.Redact("ID_FQDN VPN.example.co.jp"));
    }

    [SkippableFact]
    public void No_address_of_a_real_log_survives_and_the_mapping_is_one_to_one()
    {
        var path = SharedFiles.Require("corpus", "lab", "05-ts-mismatch", "seil-charon.log");
        var original = File.ReadAllText(path);
        var addresses = AnyIpv4.Matches(original).Select(m => m.Value).Where(v => IPAddress.TryParse(v, out _)).Distinct().ToList();
        Assert.True(addresses.Count >= 2, "the log names both peers");
        var a = new AddressRedactor();
        var redacted = a.Redact(original);
        var left = AnyIpv4.Matches(redacted).Select(m => m.Value).Where(v => IPAddress.TryParse(v, out _)).ToList();
        Assert.True(left.Count == 0, "addresses left: " + string.Join(", ", left));
        // One placeholder per distinct address (or prefix): redacting each address alone gives back the same name.
        var names = addresses.Select(x => a.Redact(x)).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(original.Split('\n').Length, redacted.Split('\n').Length);
    }

    [SkippableTheory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("markdown")]
    [InlineData("html")]
    public void Every_format_applies_it_through_the_redactor(string format)
    {
        var plain = ReportingCases.Lab("05-ts-mismatch", new Redactor([]));
        var addresses = plain.ObservedSas.SelectMany(sa => new[] { sa.Initiator?.Address, sa.Responder?.Address }).OfType<IPAddress>()
            .Select(a => a.ToString()).Distinct().ToList();
        Assert.NotEmpty(addresses);
        var reporter = Reporters.Find(format)!;
        var before = ReportingCases.Render(reporter, plain);
        Assert.Contains(addresses, a => before.Contains(a, StringComparison.Ordinal));
        var redacted = ReportingCases.Lab("05-ts-mismatch", new Redactor([]).WithAddresses(new AddressRedactor()));
        var after = ReportingCases.Render(reporter, redacted);
        foreach (var address in addresses)
        {
            Assert.DoesNotMatch(@"(?<![\w.])" + Regex.Escape(address) + @"(?![\w]|\.\d)", after);
        }
        Assert.Contains("host-1", after);
    }
}
