using Microsoft.Extensions.Logging;
using SeilDiag.Analysis;
using SeilDiag.Capture;
using SeilDiag.Diagnostics;
using SeilDiag.Logs;
using SeilDiag.Seil;
using SeilDiag.StrongSwan;
using SeilDiag.Text;

namespace SeilDiag.Cli.Inputs;

/// <summary>
/// The front-end stage: parses every config input with its dialect's front-end and gathers the results into
/// one <see cref="IkeModel"/> plus the front-ends' own diagnostics (syntax, unknown keys, values).
/// strongSwan files are grouped into hosts: an ipsec.conf takes the ipsec.secrets and strongswan.conf of
/// the same folder whose names share its prefix ("seil.ipsec.conf" ↔ "seil.ipsec.secrets"), or the only
/// ones given.
/// </summary>
public sealed class Workspace
{
    public IkeModel Model { get; } = new();

    public List<Diagnostic> FrontEndDiagnostics { get; } = [];

    /// <summary>Every document a diagnostic may point into (inputs and included files).</summary>
    public List<SourceText> Documents { get; } = [];

    /// <summary>
    /// Every secret value read from the inputs (all ipsec.secrets entries, not only the ones a conn selected), so
    /// reports can mask them exactly; the pattern-based redaction is the second net.
    /// </summary>
    public List<string> SecretValues { get; } = [];

    /// <summary>What the logs told (null when no log was given); explain prints its stories.</summary>
    public LogAnalysis? Logs { get; private set; }

    public List<CaptureAnalysis> Captures { get; } = [];

    /// <summary>The ISAKMP packets of each capture (summaries only, no ESP), for the one timeline of a case.</summary>
    public List<Diagnosis.CaptureSourcePackets> CapturePackets { get; } = [];

    public static Workspace Build(IReadOnlyList<InputFile> inputs, ILogger logger, string lang = "en", Action<string>? progress = null)
    {
        var workspace = new Workspace();
        foreach (var input in inputs.Where(i => i.Text is not null))
        {
            workspace.Documents.Add(input.Text!);
            // The strongSwan and log front-ends report the encoding of every file they read (includes too).
            if (input.Text!.EncodingName == "shift_jis" && input.Kind is DocumentKind.SeilRecipe or DocumentKind.SeilCommand)
            {
                workspace.FrontEndDiagnostics.Add(Diagnostic.Create(Rules.NotUtf8, Location.OnLine(input.Text, 1), "Shift_JIS"));
            }
        }
        foreach (var input in inputs.Where(i => i.Kind is DocumentKind.SeilRecipe or DocumentKind.SeilCommand))
        {
            var document = SeilFrontEnd.Parse(input.Text!);
            workspace.FrontEndDiagnostics.AddRange(document.Diagnostics);
            workspace.Model.Peers.AddRange(document.Peers);
            logger.LogDebug("{Path}: {Count} SEIL peer(s)", input.Path, document.Peers.Count);
        }
        var confs = inputs.Where(i => i.Kind == DocumentKind.IpsecConf).ToList();
        var secrets = inputs.Where(i => i.Kind == DocumentKind.IpsecSecrets).ToList();
        var swanConfs = inputs.Where(i => i.Kind == DocumentKind.StrongSwanConf).ToList();
        foreach (var conf in confs)
        {
            var secret = Partner(conf, secrets, confs.Count);
            var swanConf = Partner(conf, swanConfs, confs.Count);
            var config = StrongSwanFrontEnd.Load(conf.Text!, secret?.Text, swanConf?.Text, ReadIncluded);
            workspace.FrontEndDiagnostics.AddRange(config.Diagnostics);
            workspace.Model.Peers.AddRange(config.Peers);
            workspace.SecretValues.AddRange((config.Secrets?.Entries ?? []).Select(e => e.Secret?.Reveal()).OfType<string>());
            foreach (var document in config.Documents.Where(d => workspace.Documents.All(x => x.Path != d.Path)))
            {
                workspace.Documents.Add(document);
            }
            logger.LogDebug("{Path}: {Count} conn(s); secrets {Secrets}; strongswan.conf {Conf}",
                conf.Path, config.Peers.Count, secret?.Path ?? "not given", swanConf?.Path ?? "not given");
        }
        // Secrets and strongswan.conf files without an ipsec.conf are still linted on their own.
        foreach (var lone in secrets.Where(s => confs.Count == 0))
        {
            var parsed = StrongSwanFrontEnd.ParseSecrets(lone.Text!);
            workspace.FrontEndDiagnostics.AddRange(parsed.Diagnostics);
            workspace.SecretValues.AddRange(parsed.Entries.Select(e => e.Secret?.Reveal()).OfType<string>());
        }
        foreach (var lone in swanConfs.Where(s => confs.Count == 0))
        {
            workspace.FrontEndDiagnostics.AddRange(StrongSwanFrontEnd.ParseStrongSwanConf(lone.Text!).Diagnostics);
        }
        // Logs and captures are independent and each can take seconds on a large case: read them on both cores,
        // then add their results in a fixed order (logs first) so the output does not depend on timing.
        var captures = Task.Run(() => ReadCaptures(inputs, progress));
        var logs = ReadLogs(inputs, lang, progress);
        workspace.AddLogs(logs, logger);
        workspace.AddCaptures(captures.GetAwaiter().GetResult(), logger);
        workspace.Model.Documents.AddRange(workspace.Documents);
        return workspace;
    }

    private static LogAnalysis? ReadLogs(IReadOnlyList<InputFile> inputs, string lang, Action<string>? progress)
    {
        var logs = inputs.Where(i => i.Kind is DocumentKind.CharonLog or DocumentKind.RacoonLog).ToList();
        if (logs.Count == 0)
        {
            return null;
        }
        // Files are streamed by the log front-end; a paste from stdin is already in memory.
        progress?.Invoke($"reading {logs.Count} log(s)");
        var readers = logs.Select(l => l.Text is { } text ? LogInput.FromText(l.Path, text.Text) : LogInput.Open(l.Path)).ToList();
        try
        {
            return LogFrontEnd.Analyze(readers, lang);
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Reader.Dispose();
            }
        }
    }

    private void AddLogs(LogAnalysis? logs, ILogger logger)
    {
        if (logs is null)
        {
            return;
        }
        Logs = logs;
        FrontEndDiagnostics.AddRange(logs.Diagnostics);
        Model.ObservedSas.AddRange(logs.ObservedSas);
        logger.LogInformation("logs: {Sessions} session(s), {Unrecognized} unrecognised line(s) sampled", logs.Sessions.Count, logs.Unrecognized.Count);
    }

    private sealed record CaptureRead(IReadOnlyList<Diagnostic> KeyDiagnostics, IReadOnlyList<(CaptureAnalysis Analysis, Diagnosis.CaptureSourcePackets Packets)> Captures);

    private static CaptureRead ReadCaptures(IReadOnlyList<InputFile> inputs, Action<string>? progress)
    {
        var captures = inputs.Where(i => i.Kind == DocumentKind.Capture).ToList();
        if (captures.Count == 0)
        {
            return new CaptureRead([], []);
        }
        var keys = CaptureKeys.Load(
            inputs.Where(i => i.Kind == DocumentKind.IkeKeyTable).Select(i => i.Path),
            inputs.Where(i => i.Kind == DocumentKind.EspKeyTable).Select(i => i.Path));
        var results = new List<(CaptureAnalysis, Diagnosis.CaptureSourcePackets)>();
        foreach (var capture in captures)
        {
            progress?.Invoke($"decrypting {Path.GetFileName(capture.Path)}");
            // Packets are streamed, not retained: the collector keeps what the timeline needs of ISAKMP packets only,
            // so a capture that is mostly ESP costs no memory per packet.
            var collector = Diagnosis.CaptureSourcePackets.Collect(capture.Path);
            var analysis = CaptureFrontEnd.Analyze(capture.Path, keys, new CaptureOptions { RetainPackets = false, PacketObserver = collector.Observe });
            results.Add((analysis, collector.ToSource()));
        }
        return new CaptureRead(keys.Diagnostics, results);
    }

    private void AddCaptures(CaptureRead read, ILogger logger)
    {
        FrontEndDiagnostics.AddRange(read.KeyDiagnostics);
        foreach (var (analysis, packets) in read.Captures)
        {
            Captures.Add(analysis);
            CapturePackets.Add(packets);
            FrontEndDiagnostics.AddRange(analysis.Diagnostics);
            Model.ObservedSas.AddRange(analysis.ObservedSas);
            logger.LogInformation("{Path}: {Frames} frame(s), {Isakmp} ISAKMP, {Decrypted}/{Encrypted} decrypted",
                analysis.Path, analysis.FrameCount, analysis.IsakmpCount, analysis.DecryptedCount, analysis.EncryptedCount);
        }
    }

    private static InputFile? Partner(InputFile conf, List<InputFile> candidates, int confCount)
    {
        if (candidates.Count == 0)
        {
            return null;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(conf.Path));
        var prefix = Prefix(conf.Path);
        var sameFolder = candidates.Where(c => Path.GetDirectoryName(Path.GetFullPath(c.Path)) == folder).ToList();
        var byPrefix = sameFolder.FirstOrDefault(c => Prefix(c.Path) == prefix);
        if (byPrefix is not null)
        {
            return byPrefix;
        }
        if (confCount == 1)
        {
            return sameFolder.Count == 1 ? sameFolder[0] : candidates.Count == 1 ? candidates[0] : null;
        }
        return null;
    }

    /// <summary>"site-a.ipsec.conf" → "site-a"; "ipsec.conf" → "".</summary>
    private static string Prefix(string path)
    {
        var name = Path.GetFileName(path);
        var index = name.IndexOf("ipsec.", StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            index = name.IndexOf("strongswan.", StringComparison.OrdinalIgnoreCase);
        }
        return index <= 0 ? "" : name[..index].TrimEnd('.', '-', '_');
    }

    private static SourceText? ReadIncluded(string path) => File.Exists(path) ? InputReader.ReadFile(path) : null;
}
