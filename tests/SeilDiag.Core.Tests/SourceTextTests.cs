using SeilDiag.Text;

namespace SeilDiag.Tests.Core;

public class SourceTextTests
{
    [Fact]
    public void Positions_are_one_based_and_handle_crlf()
    {
        var text = SourceText.From("ab\r\ncd\nef");
        Assert.Equal(3, text.LineCount);
        Assert.Equal(new LinePosition(1, 1), text.GetPosition(0));
        Assert.Equal(new LinePosition(2, 2), text.GetPosition(5));
        Assert.Equal(new LinePosition(3, 1), text.GetPosition(7));
        Assert.Equal("cd", text.GetLineText(2));
        Assert.Equal(7, text.GetOffset(new LinePosition(3, 1)));
    }

    [Fact]
    public void Shift_jis_bytes_are_decoded_not_garbled()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var bytes = System.Text.Encoding.GetEncoding(932).GetBytes("interface.ge0.description: \"本社\"\n");
        var text = InputReader.Decode("x.conf", bytes);
        Assert.Equal("shift_jis", text.EncodingName);
        Assert.Contains("本社", text.Text);
    }

    [Fact]
    public void Binary_input_is_refused_with_the_path()
    {
        var ex = Assert.Throws<InputException>(() => InputReader.Decode("capture.bin", new byte[] { 1, 0, 2 }));
        Assert.Contains("capture.bin", ex.Message);
    }
}
