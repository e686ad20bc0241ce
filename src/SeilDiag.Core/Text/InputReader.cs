using System.Text;

namespace SeilDiag.Text;

/// <summary>Thrown for input that cannot be analysed at all (missing, binary, too large); the CLI turns it into exit code 2.</summary>
public sealed class InputException(string path, string message) : Exception($"{path}: {message}")
{
    public string Path { get; } = path;
}

/// <summary>
/// Reads a text input into a <see cref="SourceText"/>: strips nothing, keeps the BOM out of the text (it is
/// not part of what the user typed), rejects binary files, and decodes Shift_JIS (common on Japanese
/// SEIL consoles) when the bytes are not valid UTF-8.
/// </summary>
public static class InputReader
{
    /// <summary>Config files larger than this are refused: no router config comes near it.</summary>
    public const long MaxConfigBytes = 256L * 1024 * 1024;

    static InputReader()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static SourceText ReadFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InputException(path, "is a directory, expected a file");
        }
        if (!File.Exists(path))
        {
            throw new InputException(path, "file not found");
        }
        var length = new FileInfo(path).Length;
        if (length > MaxConfigBytes)
        {
            throw new InputException(path, $"file is {length} bytes, more than the {MaxConfigBytes} bytes a config file may have");
        }
        return Decode(path, File.ReadAllBytes(path));
    }

    public static SourceText Decode(string path, ReadOnlySpan<byte> bytes)
    {
        if (LooksBinary(bytes))
        {
            throw new InputException(path, "looks like a binary file (NUL bytes), expected a text config or log");
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new SourceText(path, DecodeUtf8(bytes[3..]) ?? Encoding.UTF8.GetString(bytes[3..]), "utf-8-bom");
        }
        var utf8 = DecodeUtf8(bytes);
        if (utf8 is not null)
        {
            return new SourceText(path, utf8, "utf-8");
        }
        var sjis = Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
        return new SourceText(path, sjis.GetString(bytes), "shift_jis");
    }

    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var probe = bytes[..Math.Min(bytes.Length, 8192)];
        return probe.IndexOf((byte)0) >= 0;
    }

    private static string? DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
