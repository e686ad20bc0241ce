using SeilDiag.Diagnostics;
using SeilDiag.Text;

namespace SeilDiag.StrongSwan.Settings;

/// <summary>
/// Parses strongswan.conf: nested "name { ... }" sections, "key = value", "include PATTERN", '#' comments. This is a
/// small hand-written scanner rather than a Sprache grammar: sections and values cross line boundaries and one line
/// may hold a whole section ("charon { x = yes }"), and after an error the parser must resynchronise at the next line
/// or brace and keep every later setting, which is simpler to do over a character position than with combinators.
/// </summary>
public static class StrongSwanConfParser
{
    public static StrongSwanConfDocument Read(SourceText text, IncludeResolver resolver)
    {
        var root = new StrongSwanConfSection("");
        var diagnostics = new List<Diagnostic>();
        var documents = new List<SourceText>();
        Visit(text, root, [IncludeResolver.FullPath(text.Path)], resolver, diagnostics, documents);
        return new StrongSwanConfDocument { Root = root, Documents = documents, Diagnostics = diagnostics };
    }

    private static void Visit(SourceText text, StrongSwanConfSection into, List<string> stack, IncludeResolver resolver,
        List<Diagnostic> diagnostics, List<SourceText> documents)
    {
        documents.Add(text);
        var scanner = new Scanner(text, stack, resolver, diagnostics, documents);
        scanner.ParseBlock(into, topLevel: true);
    }

    private sealed class Scanner(SourceText text, List<string> stack, IncludeResolver resolver, List<Diagnostic> diagnostics, List<SourceText> documents)
    {
        private readonly string _s = text.Text;
        private int _pos;

        public void ParseBlock(StrongSwanConfSection section, bool topLevel)
        {
            var openAt = _pos - 1;
            while (true)
            {
                SkipBlanksAndComments();
                if (_pos >= _s.Length)
                {
                    if (!topLevel)
                    {
                        diagnostics.Add(Diagnostic.Create(Rules.SyntaxError, Location.InText(text, new TextSpan(Math.Max(0, openAt), 1)),
                            new LocalizedText($"section '{section.Name}' is not closed with '}}'", $"セクション '{section.Name}' が '}}' で閉じられていません")));
                    }
                    return;
                }
                var c = _s[_pos];
                if (c == '}')
                {
                    if (topLevel)
                    {
                        Error(_pos, 1, new("'}' without a section to close", "閉じるセクションのない '}' です"));
                        _pos++;
                        continue;
                    }
                    _pos++;
                    return;
                }
                var nameStart = _pos;
                var name = ReadName();
                if (name.Length == 0)
                {
                    Error(_pos, 1, new($"unexpected '{c}'; expected a key, a section name or include", $"'{c}' は使えません。キー、セクション名、include のいずれかです"));
                    SkipLine();
                    continue;
                }
                var nameSpan = TextSpan.FromBounds(nameStart, _pos);
                SkipInlineBlanks();
                if (name == "include" && _pos < _s.Length && _s[_pos] != '=' && _s[_pos] != '{' && _s[_pos] != ':')
                {
                    Include(section, nameSpan);
                    continue;
                }
                if (_pos < _s.Length && _s[_pos] == ':')
                {
                    // "name : reference {" inherits another section; the reference is kept out of the model.
                    _pos++;
                    SkipInlineBlanks();
                    ReadName();
                    SkipInlineBlanks();
                }
                if (_pos < _s.Length && _s[_pos] == '{')
                {
                    _pos++;
                    ParseBlock(section.GetOrAddSection(name), topLevel: false);
                    continue;
                }
                if (_pos < _s.Length && _s[_pos] == '=')
                {
                    _pos++;
                    SkipInlineBlanks();
                    var (value, valueSpan) = ReadValue();
                    section.Settings.Add(new StrongSwanConfSetting(name, value, text, nameSpan, valueSpan));
                    continue;
                }
                Error(nameSpan.Start, nameSpan.Length, new($"'{name}' must be followed by '=' and a value, or by '{{' to open a section", $"'{name}' の後には '=' と値、またはセクションを開く '{{' が必要です"));
                SkipLine();
            }
        }

        private void Include(StrongSwanConfSection section, TextSpan keywordSpan)
        {
            var (pattern, span) = ReadValue();
            var where = Location.InText(text, span.Length > 0 ? span : keywordSpan);
            // An include inside a section adds to that section, as libstrongswan's parser does.
            resolver.Follow(text.Path, pattern, where, stack, diagnostics,
                (included, nested) => Visit(included, section, nested, resolver, diagnostics, documents));
        }

        private string ReadName()
        {
            var start = _pos;
            while (_pos < _s.Length && (char.IsLetterOrDigit(_s[_pos]) || _s[_pos] is '_' or '-' or '.' or '%' or '/' or '*'))
            {
                _pos++;
            }
            return _s[start.._pos];
        }

        /// <summary>A value: a "quoted string" (may span lines, \" escapes) or the rest of the line up to '#' or '}'.</summary>
        private (string Value, TextSpan Span) ReadValue()
        {
            if (_pos < _s.Length && _s[_pos] == '"')
            {
                var start = _pos;
                _pos++;
                var builder = new System.Text.StringBuilder();
                while (_pos < _s.Length && _s[_pos] != '"')
                {
                    if (_s[_pos] == '\\' && _pos + 1 < _s.Length)
                    {
                        _pos++;
                    }
                    builder.Append(_s[_pos]);
                    _pos++;
                }
                if (_pos >= _s.Length)
                {
                    Error(start, 1, new("quoted value is not closed with '\"'", "引用符で始まる値が '\"' で閉じられていません"));
                    return (builder.ToString(), TextSpan.FromBounds(start, _pos));
                }
                _pos++;
                return (builder.ToString(), TextSpan.FromBounds(start + 1, _pos - 1));
            }
            var begin = _pos;
            while (_pos < _s.Length && _s[_pos] is not ('\n' or '\r' or '#' or '}'))
            {
                _pos++;
            }
            var end = _pos;
            while (end > begin && _s[end - 1] is ' ' or '\t')
            {
                end--;
            }
            return (_s[begin..end], TextSpan.FromBounds(begin, end));
        }

        private void SkipInlineBlanks()
        {
            while (_pos < _s.Length && _s[_pos] is ' ' or '\t')
            {
                _pos++;
            }
        }

        private void SkipBlanksAndComments()
        {
            while (_pos < _s.Length)
            {
                var c = _s[_pos];
                if (char.IsWhiteSpace(c))
                {
                    _pos++;
                }
                else if (c == '#')
                {
                    SkipLine();
                }
                else
                {
                    return;
                }
            }
        }

        private void SkipLine()
        {
            while (_pos < _s.Length && _s[_pos] != '\n')
            {
                _pos++;
            }
        }

        private void Error(int start, int length, LocalizedText message) =>
            diagnostics.Add(Diagnostic.Create(Rules.SyntaxError, Location.InText(text, new TextSpan(start, Math.Min(length, Math.Max(0, _s.Length - start)))), message));
    }
}
