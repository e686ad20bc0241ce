using SeilDiag.Diagnostics;
using SeilDiag.Fixes;
using SeilDiag.Text;

namespace SeilDiag.Tests.Core;

public class FixTests
{
    [Fact]
    public void Edits_leave_every_other_byte_identical()
    {
        var text = SourceText.From("a: 1\r\nb: 2\r\nc: 3\r\n", "x.conf");
        var edit = TextEdit.Replace(text, new TextSpan(text.Text.IndexOf('2'), 1), "22");
        var result = FixApplier.Apply(text.Text, [edit]);
        Assert.Equal("a: 1\r\nb: 22\r\nc: 3\r\n", result.NewText);
    }

    [Fact]
    public void Inserted_lines_use_the_files_line_breaks()
    {
        var text = SourceText.From("a: 1\r\nb: 2", "x.conf");
        var result = FixApplier.Apply(text.Text, [TextEdit.InsertLinesAfter(text, 2, ["c: 3"])]);
        Assert.Equal("a: 1\r\nb: 2\r\nc: 3", result.NewText);
        var middle = FixApplier.Apply(text.Text, [TextEdit.InsertLinesAfter(text, 1, ["c: 3"])]);
        Assert.Equal("a: 1\r\nc: 3\r\nb: 2", middle.NewText);
    }

    [Fact]
    public void Overlapping_edits_are_skipped_not_merged()
    {
        var text = SourceText.From("abcdef");
        var result = FixApplier.Apply(text.Text, [TextEdit.Replace(text, new TextSpan(1, 3), "X"), TextEdit.Replace(text, new TextSpan(2, 3), "Y")]);
        Assert.Equal("aXef", result.NewText);
        Assert.Single(result.Skipped);
    }

    [Fact]
    public void Unified_diff_shows_only_the_changed_lines_with_context()
    {
        var before = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"line {i}")) + "\n";
        var after = before.Replace("line 10\n", "line ten\n");
        var diff = UnifiedDiff.Create("f.conf", before, after);
        Assert.Equal("--- a/f.conf\n+++ b/f.conf\n@@ -7,7 +7,7 @@\n line 7\n line 8\n line 9\n-line 10\n+line ten\n line 11\n line 12\n line 13\n", diff);
        Assert.Equal("", UnifiedDiff.Create("f.conf", before, before));
    }
}

public class FixConflictTests
{
    [Fact]
    public void An_insertion_at_the_end_of_a_replaced_span_is_a_conflict()
    {
        var text = SourceText.From("ike=aes256\n");
        var value = new TextSpan(4, 6);
        var result = FixApplier.Apply(text.Text, [TextEdit.Replace(text, value, "aes128"), TextEdit.Insert(text, value.End, "!")]);
        Assert.Equal("ike=aes128\n", result.NewText);
        Assert.Single(result.Skipped);
    }
}
