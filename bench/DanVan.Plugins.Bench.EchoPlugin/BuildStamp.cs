using System.Reflection;
using System.Text;
using Google.Protobuf;

// The bench's upgrade driver overwrites this value in each packaged copy of the assembly with the
// package's version (same byte length, padded with spaces), so every upgrade carries different code
// bytes and the echo can say which build answered. Keep it ASCII and exactly this long.
[assembly: AssemblyMetadata("DanVanBenchBuild", "@DANVAN_BENCH_BUILD@____________________")]

namespace DanVan.Plugins.Bench.EchoPlugin;

/// <summary>The build string compiled into this copy of the assembly, answered to an empty echo.</summary>
internal static class BuildStamp
{
    public static readonly ByteString Value = ByteString.CopyFrom(Encoding.UTF8.GetBytes(Read()));

    private static string Read() =>
        typeof(BuildStamp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "DanVanBenchBuild").Value!.TrimEnd(' ');
}
