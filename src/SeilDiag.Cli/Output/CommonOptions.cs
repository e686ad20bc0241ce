using System.CommandLine;
using SeilDiag.Analysis;
using SeilDiag.Diagnostics;

namespace SeilDiag.Cli.Output;

/// <summary>The options every analysing command shares (lint, diagnose, explain, capture).</summary>
public sealed class CommonOptions
{
    public Option<string> Format { get; } = new("--format", "-f")
    {
        Description = "Output format: text, json, sarif, markdown (for a ticket) or html (one self-contained file with ladder diagrams).",
        DefaultValueFactory = _ => "text",
    };

    public Option<string?> Output { get; } = new("--output", "-o") { Description = "Write the report to this file instead of stdout." };

    public Option<string> Lang { get; } = new("--lang") { Description = "Language of messages: en or ja.", DefaultValueFactory = _ => "en" };

    public Option<string> FailOn { get; } = new("--fail-on")
    {
        Description = "Exit with 1 when a finding of this severity or higher remains: error, warning or info.",
        DefaultValueFactory = _ => "error",
    };

    public Option<bool> Fix { get; } = new("--fix") { Description = "Apply the preferred fix of each finding to the files (otherwise text output shows it as a diff)." };

    public Option<string?> Kind { get; } = new("--kind") { Description = "Treat every input as this kind: seil8, seil3, ipsec.conf, ipsec.secrets, strongswan.conf." };

    public Option<string?> Config { get; } = new("--config") { Description = "Severity overrides file (default: .seildiag next to the inputs)." };

    public Option<bool> ShowSecrets { get; } = new("--show-secrets") { Description = "Print pre-shared keys and key material instead of <redacted>." };

    public Option<bool> RedactAddresses { get; } = new("--redact-addresses") { Description = "Replace addresses and identities with stable placeholders (host-1, net-1/24, id-1) for tickets that leave the company." };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Log what the tool does to stderr." };

    public Option<bool> Debug { get; } = new("-vv", "--debug") { Description = "Log in detail to stderr." };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "No progress or log output on stderr." };

    public CommonOptions()
    {
        Format.AcceptOnlyFromAmong("text", "json", "sarif", "markdown", "html");
        Lang.AcceptOnlyFromAmong("en", "ja");
        FailOn.AcceptOnlyFromAmong("error", "warning", "info");
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Format, Output, Lang, FailOn, Fix, Kind, Config, ShowSecrets, RedactAddresses, Verbose, Debug, Quiet })
        {
            command.Options.Add(option);
        }
    }

    public RunSettings Read(ParseResult parse)
    {
        DocumentKind? kind = null;
        if (parse.GetValue(Kind) is { } kindName)
        {
            kind = DocumentKinds.FromCliName(kindName)
                   ?? throw new UsageException($"--kind '{kindName}' is not one of seil8, seil3, ipsec.conf, ipsec.secrets, strongswan.conf, charon-log, racoon-log, pcap");
        }
        SeverityNames.TryParse(parse.GetValue(FailOn)!, out var failOn);
        return new RunSettings
        {
            Format = parse.GetValue(Format)!,
            OutputPath = parse.GetValue(Output),
            Lang = parse.GetValue(Lang)!,
            FailOn = failOn,
            Fix = parse.GetValue(Fix),
            Kind = kind,
            ConfigPath = parse.GetValue(Config),
            ShowSecrets = parse.GetValue(ShowSecrets),
            RedactAddresses = parse.GetValue(RedactAddresses),
            Verbosity = parse.GetValue(Quiet) ? -1 : parse.GetValue(Debug) ? 2 : parse.GetValue(Verbose) ? 1 : 0,
        };
    }
}

/// <summary>The options of one run, read from the command line.</summary>
public sealed record RunSettings
{
    public string Format { get; init; } = "text";

    public string? OutputPath { get; init; }

    public string Lang { get; init; } = "en";

    public Severity FailOn { get; init; } = Severity.Error;

    public bool Fix { get; init; }

    public DocumentKind? Kind { get; init; }

    public string? ConfigPath { get; init; }

    public bool ShowSecrets { get; init; }

    public bool RedactAddresses { get; init; }

    /// <summary>-1 quiet, 0 normal, 1 -v, 2 -vv.</summary>
    public int Verbosity { get; init; }
}
