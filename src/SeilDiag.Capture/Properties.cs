using System.Runtime.CompilerServices;

// The tests check internal fast paths (NativeHmacSha256) against .NET's reference implementations.
[assembly: InternalsVisibleTo("SeilDiag.Capture.Tests")]
