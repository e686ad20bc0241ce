using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SeilDiag.Seil.Recipe;

/// <summary>Parsing of SEIL address values, shared by validation and the model.</summary>
public static class SeilValues
{
    public static bool TryParseAddress(string value, AddressFamily family, out IPAddress address)
    {
        address = IPAddress.None;
        if (family == AddressFamily.InterNetwork && !IsDottedQuad(value))
        {
            return false;
        }
        if (family == AddressFamily.InterNetworkV6 && !value.Contains(':'))
        {
            return false;
        }
        if (!IPAddress.TryParse(value, out var parsed) || parsed.AddressFamily != family)
        {
            return false;
        }
        address = parsed;
        return true;
    }

    /// <summary>
    /// A network prefix "a.b.c.d/len" (a bare address is a host, /32 or /128). <paramref name="hostBitsSet"/>
    /// tells "192.168.1.1/24" (rejected, <paramref name="network"/> then holds 192.168.1.0/24) from garbage.
    /// </summary>
    public static bool TryParsePrefix(string value, AddressFamily family, out IPNetwork result, out bool hostBitsSet, out IPNetwork? network)
    {
        result = default;
        hostBitsSet = false;
        network = null;
        var slash = value.IndexOf('/');
        var addressText = slash < 0 ? value : value[..slash];
        var maxLength = family == AddressFamily.InterNetwork ? 32 : 128;
        var length = maxLength;
        if (slash >= 0)
        {
            var lengthText = value[(slash + 1)..];
            if (lengthText.Length is 0 or > 3 || !lengthText.All(char.IsAsciiDigit))
            {
                return false;
            }
            length = int.Parse(lengthText, CultureInfo.InvariantCulture);
        }
        if (length > maxLength || !TryParseAddress(addressText, family, out var address))
        {
            return false;
        }
        var masked = Mask(address, length);
        network = new IPNetwork(masked, length);
        if (!masked.Equals(address))
        {
            hostBitsSet = true;
            return false;
        }
        result = network.Value;
        return true;
    }

    /// <summary>An interface address "a.b.c.d/len": host bits are expected here.</summary>
    public static bool TryParseInterfaceAddress(string value, out IPAddress address, out int prefixLength)
    {
        address = IPAddress.None;
        prefixLength = 0;
        var slash = value.IndexOf('/');
        if (slash < 0)
        {
            return false;
        }
        var lengthText = value[(slash + 1)..];
        if (lengthText.Length is 0 or > 2 || !lengthText.All(char.IsAsciiDigit))
        {
            return false;
        }
        prefixLength = int.Parse(lengthText, CultureInfo.InvariantCulture);
        return prefixLength <= 32 && TryParseAddress(value[..slash], AddressFamily.InterNetwork, out address);
    }

    /// <summary>A SEIL interface name: letters then a number ("ge0", "ipsec12", "pppoe0", "lan1").</summary>
    public static bool IsInterfaceName(string value)
    {
        var i = 0;
        while (i < value.Length && char.IsAsciiLetterLower(value[i]))
        {
            i++;
        }
        return i > 0 && i < value.Length && value[i..].All(char.IsAsciiDigit) && value.Length - i <= 4;
    }

    private static bool IsDottedQuad(string value)
    {
        var parts = value.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && int.Parse(p, CultureInfo.InvariantCulture) <= 255);
    }

    private static IPAddress Mask(IPAddress address, int length)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = length; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }
        return new IPAddress(bytes);
    }
}
