using Google.Protobuf.Reflection;

namespace DanVan.Plugins.Grpc.Generator;

internal static class DescriptorSetLoader
{
    public static FileDescriptorSet Load(string path)
    {
        using var stream = File.OpenRead(path);
        return FileDescriptorSet.Parser.ParseFrom(stream);
    }
}
