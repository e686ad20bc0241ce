using System.Globalization;
using System.Net;
using System.Text;
using SeilDiag.Model;

namespace SeilDiag.Reporting;

/// <summary>
/// The ladder diagram of one IKE SA as inline SVG, like the seed article's figures: initiator and responder
/// columns, one arrow per message in time order labelled with its exchange, payloads and notifies, the
/// packet number or log line beside it; retransmissions dashed, the failing message red.
/// Every arrow is a <c>&lt;line class="msg"&gt;</c> (plus <c>failing</c>) so the count is checkable.
/// </summary>
public static class LadderSvg
{
    private const int Width = 860;
    private const int Left = 220;
    private const int Right = 700;
    private const int Top = 64;
    private const int Row = 46;

    /// <summary>The SVG of one SA; <paramref name="index"/> keeps marker ids unique when a page holds several.</summary>
    public static string Render(ObservedIkeSa sa, int index, ReportInput input, Func<ObservedMessage, bool> isFailing)
    {
        var t = ReportText.For(input.Lang);
        var r = input.Redactor;
        var messages = Messages(sa);
        var height = Top + Row * Math.Max(1, messages.Count) + 24;
        var id = "ladder" + index.ToString(CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ladder\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{E(r, Title(sa))}</title>\n");
        svg.Append("<defs>");
        svg.Append(CultureInfo.InvariantCulture, $"<marker id=\"{id}-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/></marker>");
        svg.Append(CultureInfo.InvariantCulture, $"<marker id=\"{id}-fail\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c00\"/></marker>");
        svg.Append("</defs>\n");
        Column(svg, Left, $"{t.Initiator}", Endpoint(r, sa.Initiator), height);
        Column(svg, Right, $"{t.Responder}", Endpoint(r, sa.Responder), height);
        var y = Top + Row / 2;
        foreach (var message in messages)
        {
            var failing = isFailing(message);
            var toResponder = message.Direction == MessageDirection.InitiatorToResponder;
            var (x1, x2) = toResponder ? (Left, Right) : (Right, Left);
            var classes = failing ? "msg failing" : "msg";
            var dash = message.IsRetransmission ? " stroke-dasharray=\"6 4\"" : "";
            var marker = failing ? $"{id}-fail" : $"{id}-arrow";
            svg.Append(CultureInfo.InvariantCulture,
                $"<line class=\"{classes}\" x1=\"{x1}\" y1=\"{y}\" x2=\"{x2}\" y2=\"{y}\" stroke=\"{(failing ? "#c00" : "#333")}\" stroke-width=\"{(failing ? 2.5 : 1.5)}\"{dash} marker-end=\"url(#{marker})\"><title>{E(r, Tooltip(message, t))}</title></line>\n");
            var labelClass = failing ? "label failing-label" : "label";
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"{labelClass}\" x=\"{(Left + Right) / 2}\" y=\"{y - 6}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{(failing ? "#c00" : "#000")}\">{E(r, Label(message))}</text>\n");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"where\" x=\"{Left - 10}\" y=\"{y + 4}\" text-anchor=\"end\" font-size=\"11\" fill=\"#555\">{E(r, Where(message))}</text>\n");
            y += Row;
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>Every message of the SA in time order (messages without a time keep their recorded order).</summary>
    public static List<ObservedMessage> Messages(ObservedIkeSa sa) =>
        sa.Exchanges.SelectMany(e => e.Messages)
            .Select((m, i) => (m, i))
            .OrderBy(p => p.m.Time ?? DateTimeOffset.MaxValue).ThenBy(p => p.i)
            .Select(p => p.m).ToList();

    public static string Title(ObservedIkeSa sa)
    {
        var cookies = sa.InitiatorCookie is { } ic ? $" {ic:x16}:{sa.ResponderCookie ?? 0:x16}" : "";
        var name = sa.ConnectionName is { Length: > 0 } n ? $" \"{n}\"" : "";
        return $"{Endpoint(null, sa.Initiator)} → {Endpoint(null, sa.Responder)}{name}{cookies}";
    }

    public static string Label(ObservedMessage m)
    {
        var text = ReportFacts.ExchangeName(m.Exchange);
        if (m.Payloads.Count > 0)
        {
            text += " [" + string.Join(" ", m.Payloads) + "]";
        }
        if (m.Notifies.Count > 0)
        {
            text += " N(" + string.Join(", ", m.Notifies) + ")";
        }
        return text;
    }

    public static string Where(ObservedMessage m)
    {
        var time = m.Time is { } t ? t.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) + " " : "";
        var at = m.Evidence.Location switch
        {
            { Packet: { } packet } => "#" + packet.ToString(CultureInfo.InvariantCulture),
            { } location => "L" + location.Line.ToString(CultureInfo.InvariantCulture),
            null => "",
        };
        return time + at;
    }

    private static string Tooltip(ObservedMessage m, ReportText t)
    {
        var text = $"{Label(m)} (msgid {m.MessageId:x8})";
        if (m.IsRetransmission)
        {
            text += ", " + t.Retransmission;
        }
        return m.Evidence.Location is { } at ? $"{text} — {at}" : text;
    }

    private static void Column(StringBuilder svg, int x, string role, string address, int height)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"role\" x=\"{x}\" y=\"22\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">{WebUtility.HtmlEncode(role)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"addr\" x=\"{x}\" y=\"40\" text-anchor=\"middle\" font-size=\"12\">{address}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"lifeline\" x1=\"{x}\" y1=\"{Top - 16}\" x2=\"{x}\" y2=\"{height - 8}\" stroke=\"#999\" stroke-width=\"2\"/>\n");
    }

    /// <summary>The address, redacted and escaped when a redactor is given.</summary>
    private static string Endpoint(Redactor? r, IPEndPoint? endpoint)
    {
        var text = endpoint?.ToString() ?? "?";
        return r is null ? text : E(r, text);
    }

    private static string E(Redactor r, string text) => WebUtility.HtmlEncode(r.Redact(text));
}
