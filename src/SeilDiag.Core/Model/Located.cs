using SeilDiag.Diagnostics;

namespace SeilDiag.Model;

/// <summary>
/// A configuration value together with where it was set. When the user did not set it,
/// <see cref="IsDefault"/> is true and <see cref="Where"/> is null: the value is the daemon's default,
/// which diagnostics must say ("SEIL default: modp1536").
/// </summary>
public readonly record struct Located<T>(T Value, Location? Where, bool IsDefault = false)
{
    public static Located<T> Default(T value) => new(value, null, true);

    public static Located<T> At(T value, Location where) => new(value, where, false);

    public override string ToString() => $"{Value}" + (IsDefault ? " (default)" : Where is null ? "" : $" at {Where}");
}

/// <summary>
/// A secret (pre-shared key). It never prints itself: <see cref="ToString"/> is redacted, and the value
/// is reachable only through <see cref="Reveal"/>, which reporters call only with --show-secrets and
/// analyzers call only to compare.
/// </summary>
public sealed class Secret(string value)
{
    private readonly string _value = value;

    public string Reveal() => _value;

    public bool SameAs(Secret other) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(_value), System.Text.Encoding.UTF8.GetBytes(other._value));

    public override string ToString() => "<redacted>";
}
