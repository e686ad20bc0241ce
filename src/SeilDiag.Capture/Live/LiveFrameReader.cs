using SeilDiag.Capture.Reading;
using SeilDiag.Text;
using SharpPcap;
using SharpPcap.LibPcap;

namespace SeilDiag.Capture.Live;

/// <summary>When a live capture stops.</summary>
public sealed record LiveCaptureLimits(TimeSpan? Duration = null, long? MaxPackets = null)
{
    /// <summary>The BPF filter: IKE, NAT-T and ESP only, so a busy interface does not flood the analysis.</summary>
    public string Filter { get; init; } = "udp port 500 or udp port 4500 or ip proto 50 or ip6 proto 50 or (ip[6:2] & 0x1fff != 0)";
}

/// <summary>
/// Frames from a live interface through SharpPcap (native libpcap / Npcap). Only live capture uses the
/// native library; files are read by the managed readers, which work on any machine.
/// </summary>
public sealed class LiveFrameReader : IFrameReader
{
    private readonly LibPcapLiveDevice _device;
    private readonly LiveCaptureLimits _limits;
    private readonly CancellationToken _cancel;
    private readonly DateTime _stopAt;
    private long _number;

    private LiveFrameReader(LibPcapLiveDevice device, LiveCaptureLimits limits, CancellationToken cancel)
    {
        _device = device;
        _limits = limits;
        _cancel = cancel;
        _stopAt = limits.Duration is { } d ? DateTime.UtcNow + d : DateTime.MaxValue;
    }

    /// <summary>Opens <paramref name="interfaceName"/>; a missing libpcap, an unknown interface or missing permission is an <see cref="InputException"/> saying what to do.</summary>
    public static LiveFrameReader Open(string interfaceName, LiveCaptureLimits limits, CancellationToken cancel = default)
    {
        IReadOnlyList<LibPcapLiveDevice> devices;
        try
        {
            devices = LibPcapLiveDeviceList.New();
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException or EntryPointNotFoundException)
        {
            throw new InputException(interfaceName, OperatingSystem.IsWindows()
                ? "live capture needs Npcap (https://npcap.com), which is not installed; capture with Wireshark and pass the file instead"
                : "live capture needs libpcap (e.g. apt-get install libpcap0.8), which is not installed; capture with tcpdump and pass the file instead");
        }
        catch (PcapException e)
        {
            throw new InputException(interfaceName, $"cannot list capture interfaces: {e.Message}");
        }
        var device = devices.FirstOrDefault(d => d.Name == interfaceName)
                     ?? devices.FirstOrDefault(d => string.Equals(d.Interface?.FriendlyName, interfaceName, StringComparison.OrdinalIgnoreCase));
        if (device is null)
        {
            var names = devices.Select(d => d.Name).ToList();
            var nearest = Suggestions.Nearest(interfaceName, names);
            throw new InputException(interfaceName, $"no capture interface of that name{(nearest is null ? "" : $"; did you mean '{nearest}'?")} (available: {(names.Count == 0 ? "none visible — capturing may need root or CAP_NET_RAW" : string.Join(", ", names))})");
        }
        try
        {
            device.Open(new DeviceConfiguration { Mode = DeviceModes.None, ReadTimeout = 200, Snaplen = 65535 });
        }
        catch (PcapException e)
        {
            var permission = e.Message.Contains("ermission", StringComparison.Ordinal) || e.Message.Contains("not permitted", StringComparison.Ordinal);
            throw new InputException(interfaceName, permission
                ? $"no permission to capture ({e.Message}); run as root, or grant the capability: sudo setcap cap_net_raw,cap_net_admin=eip $(which dotnet)"
                : $"cannot open the interface for capture: {e.Message}");
        }
        try
        {
            device.Filter = limits.Filter;
        }
        catch (PcapException e)
        {
            device.Close();
            throw new InputException(interfaceName, $"the capture filter '{limits.Filter}' was refused: {e.Message}");
        }
        return new LiveFrameReader(device, limits, cancel);
    }

    public bool TryRead(out CaptureFrame frame)
    {
        frame = default;
        while (!_cancel.IsCancellationRequested && DateTime.UtcNow < _stopAt && (_limits.MaxPackets is not { } max || _number < max))
        {
            var status = _device.GetNextPacket(out var capture);
            if (status == GetPacketStatus.PacketRead)
            {
                var raw = capture.GetPacket();
                _number++;
                frame = new CaptureFrame(_number, new DateTimeOffset(raw.Timeval.Date, TimeSpan.Zero), (LinkType)(int)raw.LinkLayerType, raw.Data, raw.PacketLength);
                return true;
            }
            if (status is GetPacketStatus.Error or GetPacketStatus.NoRemainingPackets)
            {
                return false;
            }
        }
        return false;
    }

    public void Dispose() => _device.Close();
}
