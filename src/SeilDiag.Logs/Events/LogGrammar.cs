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
                      select int.Parse(digits)).Optional()
        let ip = IPAddress.TryParse(address, out var parsed) ? parsed : null
        where ip is not null
        select new IPEndPoint(ip!, port.GetOrElse(0));

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
        from payloads in PayloadList.Token()
        select (exchange, direction == "response", uint.Parse(mid), (IReadOnlyList<string>)payloads.ToList());

    /// <summary>A traffic selector as charon prints it: "192.168.1.0/24", "0.0.0.0/0[udp/500]", "10.0.0.1/32".</summary>
    public static readonly Parser<string> Selector =
        Parse.Char(c => !char.IsWhiteSpace(c) && c != ',', "selector").AtLeastOnce().Text();

    public static bool TryEndpoint(string text, out IPEndPoint? endpoint)
    {
        var result = Endpoint.End().TryParse(text.Trim());
        endpoint = result.WasSuccessful ? result.Value : null;
        return result.WasSuccessful;
    }

    public static IReadOnlyList<LoggedProposal> ParseProposals(string text)
    {
        var result = ProposalList.TryParse(text.Trim());
        return result.WasSuccessful ? result.Value.ToList() : [];
    }
}
