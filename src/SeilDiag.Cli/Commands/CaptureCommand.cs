using System.CommandLine;
using System.Text.Json;
using SeilDiag.Capture;
using SeilDiag.Cli.Output;
using SeilDiag.Diagnostics;
using SeilDiag.Reporting;
using SeilDiag.Text;

namespace SeilDiag.Cli.Commands;

/// <summary>
/// <c>seildiag capture FILE [--keys DIR | --ikev1-keys F --esp-keys F]</c>: every IKE exchange decrypted,
/// every ESP SA with its ICV verdict, a ladder per IKE SA; JSON carries the same diagnostics array as every
/// command plus the packets.
/// </summary>
public static class CaptureCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("capture") { Description = "A pcap or pcapng file (.gz accepted)." };
        var keys = new Option<string?>("--keys") { Description = "A folder holding ikev1_decryption_table and/or esp_sa (default: the capture's folder)." };
        var ikeKeys = new Option<string?>("--ikev1-keys") { Description = "Wireshark ikev1_decryption_table file." };
        var espKeys = new Option<string?>("--esp-keys") { Description = "Wireshark esp_sa file." };
        var hex = new Option<bool>("--hex") { Description = "JSON: include decrypted payload bodies and inner packets as hex." };
        var options = new CommonOptions();
        var command = new Command("capture", "Dissect and decrypt IKEv1 and ESP in a capture.") { file, keys, ikeKeys, espKeys, hex };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var settings = options.Read(parse);
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new InputException(path, "file not found");
            }
            Span<byte> head = stackalloc byte[16];
            int read;
            using (var stream = File.OpenRead(path))
            {
                read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            }
            if (!CaptureFrontEnd.LooksLikeCapture(head[..read]))
            {
                throw new InputException(path, "is not a pcap or pcapng capture (nor a gzip-compressed one)");
            }
            var captureKeys = LoadKeys(path, parse.GetValue(keys), parse.GetValue(ikeKeys), parse.GetValue(espKeys));
            var addresses = settings.RedactAddresses ? new AddressRedactor() : null;
            // The packet list and the JSON packet model are written by the capture front-end, not through the
            // reporters' redactor: addresses are replaced in everything written (same placeholders), and only
            // addresses, so the --hex payload dumps stay intact.
            var addressesOnly = addresses is null ? null : Redactor.None.WithAddresses(addresses);
            using var outputFile = settings.OutputPath is null ? null : new StreamWriter(settings.OutputPath, false, new System.Text.UTF8Encoding(false));
            var writer = (TextWriter?)outputFile ?? console.Out;
            void Emit(string text) => writer.Write(addressesOnly is null ? text : addressesOnly.Redact(text));

            // A large capture is mostly ESP: its packet lines are printed as they are decoded and not kept, so
            // memory stays flat; JSON then carries the IKE SAs, ESP SAs and counters but not every packet.
            var streaming = new FileInfo(path).Length > StreamingThreshold;
            var captureOptions = new CaptureOptions
            {
                KeepPayloadBytes = parse.GetValue(hex),
                RetainPackets = !streaming,
                PacketObserver = streaming && settings.Format == "text" ? p => Emit(CaptureText.FormatPacket(p) + "\n") : null,
            };
            var analysis = CaptureFrontEnd.Analyze(path, captureKeys, captureOptions);
            var diagnostics = captureKeys.Diagnostics.Concat(analysis.Diagnostics).ToList();
            var redactor = settings.ShowSecrets ? Redactor.None : new Redactor([]);
            if (addresses is not null)
            {
                redactor = redactor.WithAddresses(addresses);
            }
            var report = new ReportInput
            {
                Diagnostics = diagnostics,
                Lang = settings.Lang,
                Redactor = redactor,
                ExtraJson = [("capture", w => CaptureJson.Write(analysis, w))],
                ObservedSas = analysis.ObservedSas,
                Inputs = [new SeilDiag.Model.InputSummary(path, "pcap")],
            };
            var rest = new StringWriter();
            if (settings.Format == "text")
            {
                if (!streaming)
                {
                    CaptureText.WritePackets(analysis, rest);
                }
                rest.WriteLine();
                CaptureText.WriteLadders(analysis, rest);
                CaptureText.WriteEspSas(analysis, rest);
                CaptureText.WriteTotals(analysis, rest);
                rest.WriteLine();
                new TextReporter(color: outputFile is null && console.OutputIsTerminal).Write(report, rest);
            }
            else
            {
                Reporters.Find(settings.Format)!.Write(report, rest);
            }
            Emit(rest.ToString());
            var failing = diagnostics.Any(d => d.Severity >= settings.FailOn && d.Severity != Severity.None);
            return failing ? ExitCodes.Findings : ExitCodes.Clean;
        });
        return command;
    }

    /// <summary>Above this size the packet list is streamed instead of kept (a 1 GB ESP capture kept whole needs ~5 GB).</summary>
    private const long StreamingThreshold = 64L * 1024 * 1024;

    private static CaptureKeys LoadKeys(string capturePath, string? folder, string? ike, string? esp)
    {
        if (ike is not null || esp is not null)
        {
            foreach (var given in new[] { ike, esp }.OfType<string>().Where(p => !File.Exists(p)))
            {
                throw new InputException(given, "key file not found");
            }
            return CaptureKeys.Load(ike, esp);
        }
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new InputException(folder, "--keys folder not found");
        }
        if (folder is not null)
        {
            return CaptureKeys.FromDirectory(folder);
        }
        // Without --keys, the key tables are looked for next to the capture; none there means no decryption.
        var beside = Path.GetDirectoryName(Path.GetFullPath(capturePath))!;
        var hasKeys = File.Exists(Path.Combine(beside, CaptureKeys.Ikev1TableName)) || File.Exists(Path.Combine(beside, CaptureKeys.EspSaName));
        return hasKeys ? CaptureKeys.FromDirectory(beside) : CaptureKeys.None;
    }
}
