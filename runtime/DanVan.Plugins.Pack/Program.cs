using System.Text;

namespace DanVan.Plugins.Pack;

/// <summary>The process entry; everything else is in <see cref="PackTool"/> so tests can run it in-process.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        // Vietnamese messages must survive a console whose default code page is not UTF-8.
        Console.OutputEncoding = Encoding.UTF8;
        return PackTool.Run(args, Console.Out, Console.Error);
    }
}
