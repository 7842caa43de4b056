using System.Runtime.InteropServices;

namespace DanVan.Plugins.Bench.Runtime;

/// <summary>glibc's malloc statistics: bytes handed out (in use) and bytes held free in its arenas (fragmentation).</summary>
internal static partial class NativeHeap
{
    public static (long InUse, long Free) Take()
    {
        try
        {
            var info = MallInfo2();
            return ((long)info.Uordblks + (long)info.Hblkhd, (long)info.Fordblks);
        }
        catch (EntryPointNotFoundException)
        {
            return (-1, -1);
        }
        catch (DllNotFoundException)
        {
            return (-1, -1);
        }
    }

    [LibraryImport("libc", EntryPoint = "mallinfo2")]
    private static partial MallInfo MallInfo2();

    [StructLayout(LayoutKind.Sequential)]
    private struct MallInfo
    {
        public nuint Arena;
        public nuint Ordblks;
        public nuint Smblks;
        public nuint Hblks;
        public nuint Hblkhd;
        public nuint Usmblks;
        public nuint Fsmblks;
        public nuint Uordblks;
        public nuint Fordblks;
        public nuint Keepcost;
    }
}
