using SeilDiag.Seil.Syntax;

namespace SeilDiag.Seil.Recipe;

/// <summary>
/// A setting that takes effect: <see cref="Key"/> is the current spelling (an older spelling is mapped to it),
/// <see cref="IsValid"/> is false when its value was rejected (the model then falls back to the default).
/// </summary>
public sealed record EffectiveSetting(string Key, SeilSettingLine Line, bool IsValid)
{
    public string Value => Line.Value;
}
