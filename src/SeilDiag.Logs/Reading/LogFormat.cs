namespace SeilDiag.Logs.Reading;

/// <summary>Which daemon wrote a line.</summary>
public enum LogDaemon
{
    Unknown,
    /// <summary>strongSwan charon (file log, syslog, journal, console).</summary>
    Charon,
    /// <summary>racoon: SEIL show log, racoon in syslog, racoon's own file format (KAME or ipsec-tools).</summary>
    Racoon,
}

/// <summary>The line layout a line was recognised in; detected per line so mixed pastes work.</summary>
public enum LogFormat
{
    Unrecognized,
    /// <summary>charon file logger: [time] NN[GRP[lvl]] [&lt;conn|id&gt;] message.</summary>
    CharonFile,
    /// <summary>syslog: time host charon: / ipsec[pid]: NN[GRP] message.</summary>
    CharonSyslog,
    /// <summary>journal (charon-systemd): time host charon-systemd[pid]: message, no thread or group.</summary>
    CharonJournal,
    /// <summary>Any unknown prefix before the NN[GRP] tail (collectors, the seed's "00022358 000106 L1").</summary>
    CharonWrapped,
    /// <summary>Bare message, as printed by `ipsec up` or pasted without prefix.</summary>
    Console,
    /// <summary>SEIL `show log`: seq Mon dd hh:mm:ss level function racoon[pid]: message.</summary>
    SeilShowLog,
    /// <summary>racoon through syslog: time host racoon[pid]: [LEVEL: ]message.</summary>
    RacoonSyslog,
    /// <summary>racoon's own file: yyyy-mm-dd hh:mm:ss: LEVEL: [file:line:func(): ]message.</summary>
    RacoonFile,
}
