using System.Diagnostics;
using SeilDiag.Capture;
using SeilDiag.Capture.Bench;

// Usage:
//   generate <dir> <megabytes>   write <dir>/esp-bench.pcap and <dir>/esp_sa
//   run <dir> [--read-ahead]     decrypt + verify every packet, report throughput and peak memory
//   micro <dir>                  the decryptor alone, in CPU time per packet
//   hmac x                       the .NET HMAC-SHA-256 APIs compared, in CPU time per packet
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: generate <dir> <megabytes> | run <dir>");
    return 2;
}
var dir = args[1];
var pcap = Path.Combine(dir, "esp-bench.pcap");
switch (args[0])
{
    case "generate":
        {
            Directory.CreateDirectory(dir);
            var watch = Stopwatch.StartNew();
            var (packets, bytes) = EspCaptureGenerator.Write(pcap, long.Parse(args[2]) * 1024 * 1024);
            Console.WriteLine($"wrote {pcap}: {packets} packets, {bytes / 1e6:F0} MB in {watch.Elapsed.TotalSeconds:F1} s");
            return 0;
        }
    case "run":
        {
            var keys = CaptureKeys.FromDirectory(dir);
            var size = new FileInfo(pcap).Length;
            var watch = Stopwatch.StartNew();
            var analysis = CaptureFrontEnd.Analyze(pcap, keys, new CaptureOptions { RetainPackets = false, ReadAhead = args.Contains("--read-ahead") });
            watch.Stop();
            var sa = analysis.EspSas.Single();
            var seconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"{analysis.FrameCount} packets, {size / 1e6:F0} MB in {seconds:F2} s: {size / 1e6 / seconds:F0} MB/s, {analysis.FrameCount / seconds / 1e3:F0} kpackets/s");
            Console.WriteLine($"decrypted {sa.Decrypted}, ICV good {sa.IcvGood}, ICV bad {sa.IcvBad}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB; GC heap now {GC.GetTotalMemory(false) / 1e6:F1} MB");
            return sa.IcvGood == analysis.FrameCount ? 0 : 1;
        }
    case "micro":
        {
            // Where does the time go? Decrypt+verify alone, then reading alone.
            var keys = CaptureKeys.FromDirectory(dir);
            using var decryptor = new SeilDiag.Capture.Esp.EspDecryptor(keys.Esp[0]);
            var frames = new List<byte[]>();
            var findings = new SeilDiag.Capture.Reading.CaptureFindings(pcap);
            var watch = Stopwatch.StartNew();
            using (var reader = SeilDiag.Capture.Reading.CaptureFile.Open(pcap, findings))
            {
                while (reader.TryRead(out var f))
                {
                    if (frames.Count < 20000) frames.Add(f.Data[34..].ToArray());
                }
            }
            Console.WriteLine($"read only: {watch.Elapsed.TotalSeconds:F2} s");
            watch.Restart();
            foreach (var f in frames) decryptor.Decrypt(f);
            Console.WriteLine($"(warm-up) {watch.Elapsed.TotalSeconds:F3} s"); watch.Restart();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            for (var r = 0; r < 10; r++) foreach (var f in frames) decryptor.Decrypt(f);
            var cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
            Console.WriteLine($"decrypt+verify: {(cpu1 - cpu0).TotalMilliseconds * 1000 / frames.Count / 10:F2} us CPU per packet");
            for (var r = 0; r < 10; r++) foreach (var f in frames) decryptor.Decrypt(f, SeilDiag.Capture.Esp.IcvStatus.Good);
            var cpu2 = Process.GetCurrentProcess().TotalProcessorTime;
            Console.WriteLine($"decrypt only (ICV given): {(cpu2 - cpu1).TotalMilliseconds * 1000 / frames.Count / 10:F2} us CPU per packet");
            for (var r = 0; r < 10; r++) foreach (var f in frames) decryptor.VerifyIcv(f);
            var cpu3 = Process.GetCurrentProcess().TotalProcessorTime;
            Console.WriteLine($"verify only: {(cpu3 - cpu2).TotalMilliseconds * 1000 / frames.Count / 10:F2} us CPU per packet");
            using (var aes256 = System.Security.Cryptography.Aes.Create())
            {
                aes256.Key = new byte[32];
                aes256.Mode = System.Security.Cryptography.CipherMode.ECB;
                aes256.Padding = System.Security.Cryptography.PaddingMode.None;
                using var ecbOnly = aes256.CreateDecryptor();
                var target = new byte[4096];
                for (var r = 0; r < 10; r++) foreach (var f in frames) ecbOnly.TransformBlock(f, 0, f.Length / 16 * 16, target, 0);
                var cpu4 = Process.GetCurrentProcess().TotalProcessorTime;
                Console.WriteLine($"AES-256-ECB TransformBlock only: {(cpu4 - cpu3).TotalMilliseconds * 1000 / frames.Count / 10:F2} us CPU per packet");
            }
            watch.Restart();
            using var h = System.Security.Cryptography.IncrementalHash.CreateHMAC(System.Security.Cryptography.HashAlgorithmName.SHA256, new byte[32]);
            var mac = new byte[32];
            watch.Restart();
            foreach (var f in frames) { h.AppendData(f); h.GetHashAndReset(mac); }
            Console.WriteLine($"hmac only: {watch.Elapsed.TotalSeconds:F3} s");
            using var aes = System.Security.Cryptography.Aes.Create();
            aes.Key = new byte[32];
            aes.Mode = System.Security.Cryptography.CipherMode.ECB;
            aes.Padding = System.Security.Cryptography.PaddingMode.None;
            using var ecb = aes.CreateDecryptor();
            var outBuf = new byte[4096];
            watch.Restart();
            foreach (var f in frames) { ecb.TransformBlock(f, 0, f.Length / 16 * 16, outBuf, 0); }
            Console.WriteLine($"ecb only: {watch.Elapsed.TotalSeconds:F3} s");
            watch.Restart();
            foreach (var f in frames) { aes.DecryptCbc(f.AsSpan(0, f.Length / 16 * 16), new byte[16], outBuf, System.Security.Cryptography.PaddingMode.None); }
            Console.WriteLine($"one-shot cbc: {watch.Elapsed.TotalSeconds:F3} s");
            return 0;
        }
    case "hmac":
        {
            // HMAC-SHA-256 variants over 1,440-byte messages: which .NET API has the least per-call overhead?
            var msg = new byte[1440];
            var key = new byte[32];
            var mac = new byte[32];
            var count = 200_000;
            using var inc = System.Security.Cryptography.IncrementalHash.CreateHMAC(System.Security.Cryptography.HashAlgorithmName.SHA256, key);
            using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            var padded = new byte[64 + 1440];
            var outer = new byte[96];
            var cpuMark = TimeSpan.Zero;
            for (var round = 0; round < 2; round++)
            {
                cpuMark = Process.GetCurrentProcess().TotalProcessorTime;
                var w = Stopwatch.StartNew();
                for (var i = 0; i < count; i++) { inc.AppendData(msg); inc.GetHashAndReset(mac); }
                Report("IncrementalHash HMAC", w);
                w.Restart();
                for (var i = 0; i < count; i++) { inc.AppendData(msg); inc.TryGetHashAndReset(mac, out _); }
                Report("IncrementalHash HMAC TryGetHashAndReset", w);
                w.Restart();
                for (var i = 0; i < count; i++) { System.Security.Cryptography.HMACSHA256.HashData(key, msg, mac); }
                Report("HMACSHA256.HashData", w);
                w.Restart();
                for (var i = 0; i < count; i++) { System.Security.Cryptography.SHA256.HashData(padded, mac); System.Security.Cryptography.SHA256.HashData(outer, mac); }
                Report("2x SHA256.HashData", w);
                w.Restart();
                for (var i = 0; i < count; i++) { sha.AppendData(padded); sha.GetHashAndReset(mac); sha.AppendData(outer); sha.GetHashAndReset(mac); }
                Report("2x IncrementalHash SHA256", w);
            }
            // Per CPU-second (as openssl speed reports), not wall: the machine is shared.
            void Report(string what, Stopwatch w)
            {
                var now = Process.GetCurrentProcess().TotalProcessorTime;
                var cpu = (now - cpuMark).TotalSeconds;
                cpuMark = now;
                Console.WriteLine($"{what}: {cpu * 1e6 / count:F2} us CPU/packet, {1440.0 * count / 1e6 / cpu:F0} MB per CPU-second (wall {w.Elapsed.TotalSeconds:F2} s)");
            }
            return 0;
        }
    default:
        Console.Error.WriteLine($"unknown command {args[0]}");
        return 2;
}
