using SeilDiag.Logs.Events;

namespace SeilDiag.Logs.Tests;

/// <summary>
/// A damaged timestamp (year 0000, a ±99:99 zone, a time outside DateTimeOffset's range once the zone is applied)
/// leaves the line without a time; it never throws, and it does not change the year of the lines after it.
/// </summary>
public sealed class DamagedTimestampTests
{
    [Theory]
    [InlineData("0000-01-01 00:00:00 09[IKE] <c|1> initiating Main Mode IKE_SA c[1] to 10.0.0.2", 0)]
    [InlineData("2025-11-28T00:35:35+99:99 09[IKE] <c|1> initiating Main Mode IKE_SA c[1] to 10.0.0.2", 2025)]
    [InlineData("2025-11-28T00:35:35-9999 09[IKE] <c|1> initiating Main Mode IKE_SA c[1] to 10.0.0.2", 2025)]
    [InlineData("2025-11-28T00:35:35+14:01 09[IKE] <c|1> initiating Main Mode IKE_SA c[1] to 10.0.0.2", 2025)]
    [InlineData("9999-12-31 23:59:59-14:00 09[IKE] <c|1> initiating Main Mode IKE_SA c[1] to 10.0.0.2", 9999)]
    [InlineData("0001-01-01 00:00:00+01:00 09[IKE] <c|1> initiating Main Mode IKE_SA c[1] to 10.0.0.2", 1)]
    public void DamagedTimeLeavesANormalLineWithoutTime(string damaged, int followingYear)
    {
        var log = damaged + "\nNov 28 00:35:36 09[IKE] <c|1> sending retransmit 1 of request message ID 0, seq 1\n";
        var analysis = LogFrontEnd.Analyze([LogInput.FromText("damaged.log", log)]);
        var events = Assert.Single(analysis.Sessions).Events;
        Assert.Equal(LogEventKind.Phase1Initiating, events[0].Kind);
        Assert.Null(events[0].Time);
        Assert.Equal("c", events[0].ConnName);
        // The syslog line after it takes the year of the damaged line when that year exists (the zone was the damage),
        // else the current year: year 0000 is not taken as the log's year.
        Assert.Equal(followingYear == 0 ? DateTime.UtcNow.Year : followingYear, events[1].Time!.Value.Year);
        Assert.Empty(analysis.Unrecognized);
    }

    [Theory]
    [InlineData("2026-11-28T00:35:35+14:00", 14)]
    [InlineData("2026-11-28T00:35:35-1200", -12)]
    [InlineData("0001-01-01 00:00:00", 0)]
    [InlineData("9999-12-31 23:59:59", 0)]
    public void EdgesThatExistAreStillRead(string time, int offsetHours)
    {
        var analysis = LogFrontEnd.Analyze([LogInput.FromText("edge.log", time + " 09[IKE] <c|1> initiating Main Mode IKE_SA c[1] to 10.0.0.2\n")]);
        var e = Assert.Single(Assert.Single(analysis.Sessions).Events);
        Assert.NotNull(e.Time);
        Assert.Equal(TimeSpan.FromHours(offsetHours), e.Time!.Value.Offset);
    }

    [Fact]
    public void YearZeroInARacoonFileLineIsNotFatal()
    {
        var log = "0000-00-00 00:00:00: ERROR: couldn't find the pskey for 198.51.100.7.\n"
                  + "2005-04-18 10:00:00: ERROR: couldn't find the pskey for 198.51.100.7.\n";
        var analysis = LogFrontEnd.Analyze([LogInput.FromText("racoon.log", log)]);
        // Without its time the damaged line is in no known layout: reported as unrecognised, the next line read as usual.
        var e = Assert.Single(analysis.Sessions.SelectMany(s => s.Events));
        Assert.Equal(LogEventKind.NoSharedKey, e.Kind);
        Assert.Equal(2, e.Line);
        Assert.Equal(2005, e.Time!.Value.Year);
        Assert.Equal(1, Assert.Single(analysis.Unrecognized).Line);
    }
}
