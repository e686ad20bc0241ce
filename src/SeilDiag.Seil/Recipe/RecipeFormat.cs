namespace SeilDiag.Seil.Recipe;

/// <summary>How seil8 writes values: quoted (with \" and \\ escaped) when empty or containing a blank, a quote or a backslash.</summary>
public static class RecipeFormat
{
    public static string Value(string value)
    {
        if (value.Length > 0 && !value.Any(c => c is ' ' or '\t' or '"' or '\'' or '\\'))
        {
            return value;
        }
        return "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }
}
