using System.Net;
using Sprache;

namespace SeilDiag.Logs.Events;

/// <summary>
/// Sprache grammars for the structured parts of messages: endpoints "10.0.0.1[500]", proposal lists
/// "IKE:AES_CBC_256/.../MODP_1536, IKE:...", payload lists "[ SA V V N(NO_PROP) ]", traffic selectors. They run only
/// on the few lines the catalogue has already picked, never on every line.
/// </summary>
internal static class LogGrammar
{
    private static readonly Parser<string> AddressText =
        Parse.Char(c => char.IsAsciiHexDigit(c) || c == '.' || c == ':' || c == '%', "address character").AtLeastOnce().Text();

    /// <summary>"10.0.0.1[500]", "10.0.0.1" or "2001:db8::1[4500]".</summary>
    public static readonly Parser<IPEndPoint> Endpoint =
        from address in AddressText
        from port in (from open in Parse.Char('[')
                      from digits in Parse.Digit.AtLeastOnce().Text()
                      from close in Parse.Char(']')
                      select digits).Optional()
        let ip = IPAddress.TryParse(address, out var parsed) ? parsed : null
        // A damaged line may carry any digits: a port that is not one makes the line unrecognised, never a crash.
        let portNumber = port.IsDefined ? ParsePort(port.Get()) : 0
        where ip is not null && portNumber >= 0
        select new IPEndPoint(ip!, portNumber);

    private static int ParsePort(string digits) =>
        int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port <= IPEndPoint.MaxPort ? port : -1;

    private static readonly Parser<string> AlgorithmToken =
        Parse.Char(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '(' || c == ')', "algorithm name").AtLeastOnce().Text();

    public static readonly Parser<LoggedProposal> Proposal =
        from protocol in Parse.String("IKE").Or(Parse.String("ESP")).Or(Parse.String("AH")).Text()
        from colon in Parse.Char(':')
        from tokens in AlgorithmToken.DelimitedBy(Parse.Char('/'))
        select LoggedProposal.FromTokens(protocol, tokens);

    public static readonly Parser<IEnumerable<LoggedProposal>> ProposalList =
        Proposal.DelimitedBy(Parse.Char(',').Then(_ => Parse.WhiteSpace.Many()));

    private static readonly Parser<string> PayloadToken =
        (from n in Parse.String("N(").Text()
         from inner in Parse.CharExcept(' ').Many().Text()
         select n + inner)
        .Or(Parse.CharExcept(c => c == ' ' || c == ']', "payload").AtLeastOnce().Text());

    /// <summary>"[ SA V V N(NO_PROP) ]" → tokens.</summary>
    public static readonly Parser<IEnumerable<string>> PayloadList =
        from open in Parse.Char('[').Token()
        from items in PayloadToken.Token().Many()
        from close in Parse.Char(']')
        select items;

    /// <summary>"ID_PROT request 0 [ SA V V ]" → exchange, response flag, message id, payloads.</summary>
    public static readonly Parser<(string Exchange, bool Response, uint MessageId, IReadOnlyList<string> Payloads)> MessageSummary =
        from exchange in Parse.Char(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_', "exchange").AtLeastOnce().Text()
        from space in Parse.Char(' ')
        from direction in Parse.String("request").Or(Parse.String("response")).Text()
        from space2 in Parse.Char(' ')
        from mid in Parse.Digit.AtLeastOnce().Text()
        where uint.TryParse(mid, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
        from payloads in PayloadList.Token()
        select (exchange, direction == "response", uint.Parse(mid, System.Globalization.CultureInfo.InvariantCulture), (IReadOnlyList<string>)payloads.ToList());

    /// <summary>A traffic selector as charon prints it: "192.168.1.0/24", "0.0.0.0/0[udp/500]", "10.0.0.1/32".</summary>
    public static readonly Parser<string> Selector =
        Parse.Char(c => !char.IsWhiteSpace(c) && c != ',', "selector").AtLeastOnce().Text();

    /// <summary>
    /// "10.0.0.1[500]" → endpoint. Span-based rather than <see cref="Endpoint"/>: every packet line carries two
    /// endpoints, and the Sprache parser's per-character allocations made it the bottleneck on large logs
    /// (see benchmarks/SeilDiag.Logs.Bench). Both accept the same text (tested against each other).
    /// </summary>
    public static bool TryEndpoint(string text, out IPEndPoint? endpoint) => TryEndpoint(text.AsSpan(), out endpoint);

    // A log names the same few peers on every packet line: each distinct endpoint text is parsed once and its
    // IPEndPoint shared (events never change their endpoints). Bounded, cleared when full.
    private const int EndpointCacheLimit = 1024;
    [ThreadStatic] private static Dictionary<string, IPEndPoint?>? _endpointCache;

    /// <summary>Span form of <see cref="TryEndpoint(string, out IPEndPoint?)"/>, through the shared-endpoint cache.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static bool TryEndpoint(ReadOnlySpan<char> text, out IPEndPoint? endpoint)
    {
        if (text.Length > 64)
        {
            // Not an endpoint a peer logs (a damaged line): parse without filling the cache with it.
            return ParseEndpoint(text, out endpoint);
        }
        var cache = _endpointCache ??= new Dictionary<string, IPEndPoint?>(StringComparer.Ordinal);
        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(text, out endpoint))
        {
            ParseEndpoint(text, out endpoint);
            if (cache.Count >= EndpointCacheLimit)
            {
                cache.Clear();
            }
            lookup[text] = endpoint;
        }
        return endpoint is not null;
    }

    private static bool ParseEndpoint(ReadOnlySpan<char> text, out IPEndPoint? endpoint)
    {
        endpoint = null;
        var s = text.Trim();
        var port = 0;
        var open = s.IndexOf('[');
        if (open >= 0)
        {
            if (s[^1] != ']' || !int.TryParse(s[(open + 1)..^1], System.Globalization.NumberStyles.None, null, out port))
            {
                return false;
            }
            s = s[..open];
        }
        if (s.Length == 0 || !IPAddress.TryParse(s, out var address))
        {
            return false;
        }
        endpoint = new IPEndPoint(address, port);
        return true;
    }

    /// <summary>The Sprache form of <see cref="TryEndpoint"/>, kept as the reference grammar.</summary>
    public static bool TryEndpointGrammar(string text, out IPEndPoint? endpoint)
    {
        var result = Endpoint.End().TryParse(text.Trim());
        endpoint = result.WasSuccessful ? result.Value : null;
        return result.WasSuccessful;
    }

    /// <summary>
    /// "ID_PROT request 0 [ SA V V ]" split by hand for the same reason as <see cref="TryEndpoint"/> (one such line per
    /// IKE message); <see cref="MessageSummary"/> is the reference grammar.
    /// </summary>
    public static bool TryMessageSummary(string text, out (string Exchange, bool Response, uint MessageId, IReadOnlyList<string> Payloads) summary)
    {
        if (!TryMessageSummary(text.AsSpan(), out var exchange, out var response, out var mid, out var payloads))
        {
            summary = default;
            return false;
        }
        summary = (exchange, response, mid, payloads.Payloads);
        return true;
    }

    /// <summary>The payload list of a message summary with the notifies it names (RFC names), shared by every message that lists the same payloads.</summary>
    internal sealed record SharedPayloads(IReadOnlyList<string> Payloads, IReadOnlyList<string> Notifies);

    // A charon log repeats a few dozen distinct payload lists ("[ SA V V V V ]", "[ HASH N(DPD) ]"...) millions of
    // times: split each once and look it up by span (no string per line). Bounded, cleared when full.
    private const int PayloadCacheLimit = 1024;
    [ThreadStatic] private static Dictionary<string, SharedPayloads>? _payloadCache;

    /// <summary>Span form of <see cref="TryMessageSummary(string, out ValueTuple{string, bool, uint, IReadOnlyList{string}})"/> (same rules as <c>Split(' ', 4)</c>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static bool TryMessageSummary(ReadOnlySpan<char> text, out string exchange, out bool response, out uint messageId, out SharedPayloads payloads)
    {
        exchange = "";
        response = false;
        messageId = 0;
        payloads = null!;
        var s1 = text.IndexOf(' ');
        if (s1 < 0)
        {
            return false;
        }
        var rest = text[(s1 + 1)..];
        var s2 = rest.IndexOf(' ');
        if (s2 < 0)
        {
            return false;
        }
        var word = rest[..s2];
        if (word.SequenceEqual("request"))
        {
            response = false;
        }
        else if (word.SequenceEqual("response"))
        {
            response = true;
        }
        else
        {
            return false;
        }
        rest = rest[(s2 + 1)..];
        var s3 = rest.IndexOf(' ');
        if (s3 < 0 || !uint.TryParse(rest[..s3], out messageId))
        {
            return false;
        }
        var list = rest[(s3 + 1)..].Trim();
        if (list.Length < 2 || list[0] != '[' || list[^1] != ']')
        {
            return false;
        }
        var inner = list[1..^1];
        var cache = _payloadCache ??= new Dictionary<string, SharedPayloads>(StringComparer.Ordinal);
        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(inner, out payloads!))
        {
            var split = inner.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var notifies = new List<string>();
            foreach (var p in split)
            {
                if (p.StartsWith("N(", StringComparison.Ordinal) && p.EndsWith(')'))
                {
                    notifies.Add(NotifyNames.ToRfcName(p[2..^1]));
                }
            }
            payloads = new SharedPayloads(split, notifies);
            if (cache.Count >= PayloadCacheLimit)
            {
                cache.Clear();
            }
            lookup[inner] = payloads;
        }
        exchange = text[..s1] switch
        {
            "ID_PROT" => "ID_PROT",
            "AGGRESSIVE" => "AGGRESSIVE",
            "QUICK_MODE" => "QUICK_MODE",
            "INFORMATIONAL_V1" => "INFORMATIONAL_V1",
            "TRANSACTION" => "TRANSACTION",
            var other => other.ToString(),
        };
        return true;
    }

    // Every IKE_SA of a connection logs the same "configured proposals" list (strongSwan's defaults run to hundreds of
    // tokens), so a big log parses a handful of distinct lists millions of times: parse each once. The cache is
    // bounded (cleared when full) so a log with ever-changing lists cannot grow it; the lists are never mutated.
    private const int ProposalCacheLimit = 256;
    [ThreadStatic] private static Dictionary<string, IReadOnlyList<LoggedProposal>>? _proposalCache;

    /// <summary>
    /// Proposal lists, split by hand: strongSwan's default lists are several hundred characters and appear in every
    /// negotiation, and Sprache's per-character parsing of them dominated the benchmark. <see cref="ProposalList"/>
    /// is the reference grammar; a test checks both agree on the lab logs.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<LoggedProposal> ParseProposals(string text) => ParseProposals(text.AsSpan());

    /// <summary>Span form of <see cref="ParseProposals(string)"/>: a list seen before is found without a string for it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<LoggedProposal> ParseProposals(ReadOnlySpan<char> text)
    {
        var cache = _proposalCache ??= new Dictionary<string, IReadOnlyList<LoggedProposal>>(StringComparer.Ordinal);
        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var cached))
        {
            return cached;
        }
        var key = text.ToString();
        var parsed = ParseProposalsUncached(key);
        if (cache.Count >= ProposalCacheLimit)
        {
            cache.Clear();
        }
        cache[key] = parsed;
        return parsed;
    }

    private static IReadOnlyList<LoggedProposal> ParseProposalsUncached(string text)
    {
        var result = new List<LoggedProposal>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = item.IndexOf(':');
            if (colon <= 0 || item[..colon] is not ("IKE" or "ESP" or "AH"))
            {
                return [];
            }
            var tokens = item[(colon + 1)..].Split('/');
            foreach (var t in tokens)
            {
                if (t.Length == 0 || t.AsSpan().IndexOfAnyExcept(ProposalTokenChars) >= 0)
                {
                    return [];
                }
            }
            result.Add(LoggedProposal.FromTokens(item[..colon], tokens));
        }
        return result;
    }

    private static readonly System.Buffers.SearchValues<char> ProposalTokenChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_()");

    public static (string Exchange, bool Response, uint MessageId, IReadOnlyList<string> Payloads) ParseMessageSummaryGrammar(string text) =>
        MessageSummary.End().Parse(text);

    public static IReadOnlyList<LoggedProposal> ParseProposalsGrammar(string text)
    {
        var result = ProposalList.End().TryParse(text.Trim());
        return result.WasSuccessful ? result.Value.ToList() : [];
    }
}
