using DanVan.Plugins.Grpc.Generator;

// Usage: generator <descriptor-set.binpb> <output-dir> <proto-file>...
// Writes <Name>Grpc.cs for every listed proto file that declares services.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: DanVan.Plugins.Grpc.Generator <descriptor-set> <output-dir> <proto-file>...");
    return 2;
}

var set = DescriptorSetLoader.Load(args[0]);
var types = new TypeNameResolver(set);
Directory.CreateDirectory(args[1]);
foreach (var fileName in args.Skip(2))
{
    var file = set.File.FirstOrDefault(f => f.Name == fileName.Replace('\\', '/'));
    if (file is null)
    {
        Console.Error.WriteLine($"error: {fileName} is not in the descriptor set");
        return 1;
    }

    if (file.Service.Count == 0)
    {
        continue;
    }

    var code = new ServiceCodeWriter(file, types).Write();
    // Mirror the proto's folder so files with the same name in two packages do not collide.
    var folder = Path.Combine(args[1], Path.GetDirectoryName(file.Name) ?? "");
    Directory.CreateDirectory(folder);
    var target = Path.Combine(folder, TypeNameResolver.FileClassBase(file.Name) + "Grpc.cs");
    // Rewrite only on change so incremental builds stay incremental.
    if (!File.Exists(target) || File.ReadAllText(target) != code)
    {
        File.WriteAllText(target, code);
    }
}

return 0;
