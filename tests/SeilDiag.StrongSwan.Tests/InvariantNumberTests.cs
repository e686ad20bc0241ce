using System.Globalization;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Tests;

/// <summary>
/// Numbers in strongswan.conf and ipsec.conf read the same whatever the process culture: a culture with other sign
/// characters must neither break "-1" nor let "+5" or " 5" through where charon/starter take digits only.
/// </summary>
public class InvariantNumberTests
{
    /// <summary>A culture whose signs are not '-' and '+': culture-dependent parsing would misread both.</summary>
    private static CultureInfo OddSigns()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NegativeSign = "~";
        culture.NumberFormat.PositiveSign = "#";
        return culture;
    }

    private static T UnderCulture<T>(CultureInfo culture, Func<T> read)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("3", 3, false)]
    [InlineData("-1", -1, false)]
    [InlineData("~1", 5, true)]
    [InlineData("#3", 5, true)]
    public void Retransmit_tries_parse_invariantly(string value, int expected, bool isDefault)
    {
        var text = $"charon {{\n  retransmit_tries = {value}\n}}\n";
        var document = UnderCulture(OddSigns(), () => StrongSwanConfTests.Parse(text));
        Assert.Equal(expected, document.RetransmitTries.Value);
        Assert.Equal(isDefault, document.RetransmitTries.IsDefault);
    }

    [Theory]
    [InlineData("1000000", 1000000L)]
    [InlineData("+1000", null)]
    [InlineData("#1000", null)]
    [InlineData("-5", null)]
    public void Lifebytes_are_digits_only(string value, long? expected)
    {
        var peer = UnderCulture(OddSigns(), () =>
            StrongSwanFrontEnd.Load(SourceText.From($"conn a\n\tright=10.0.0.2\n\tlifebytes={value}\n"), readFile: _ => null).Peers.Single());
        Assert.Equal(expected, peer.Phase2LifetimeBytes.Value);
        Assert.Equal(expected is null, peer.Phase2LifetimeBytes.IsDefault);
    }
}
