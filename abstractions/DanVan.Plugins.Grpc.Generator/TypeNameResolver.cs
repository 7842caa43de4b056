using System.Text;
using Google.Protobuf.Reflection;

namespace DanVan.Plugins.Grpc.Generator;

/// <summary>Maps fully-qualified proto names to the C# names protoc's C# generator gives them.</summary>
internal sealed class TypeNameResolver
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public TypeNameResolver(FileDescriptorSet set)
    {
        foreach (var file in set.File)
        {
            var ns = Namespace(file);
            var prefix = string.IsNullOrEmpty(file.Package) ? "." : "." + file.Package + ".";
            foreach (var message in file.MessageType)
            {
                Add(message, prefix, "global::" + (ns.Length == 0 ? "" : ns + "."));
            }
        }
    }

    public string Resolve(string protoName) =>
        _names.TryGetValue(protoName, out var name)
            ? name
            : throw new InvalidOperationException($"Unknown message type {protoName}");

    public static string Namespace(FileDescriptorProto file) =>
        file.Options?.HasCsharpNamespace == true
            ? file.Options.CsharpNamespace
            : string.Join('.', file.Package.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(p => PascalCase(p)));

    /// <summary>The base name protoc uses for the file's reflection class ("error_details.proto" → "ErrorDetails").</summary>
    public static string FileClassBase(string fileName)
    {
        var baseName = Path.GetFileName(fileName);
        if (baseName.EndsWith(".proto", StringComparison.Ordinal))
        {
            baseName = baseName[..^".proto".Length];
        }

        return PascalCase(baseName);
    }

    public static string ReflectionClass(FileDescriptorProto file) => FileClassBase(file.Name) + "Reflection";

    // Mirrors protoc's UnderscoresToCamelCase(input, cap_next_letter: true).
    public static string PascalCase(string input)
    {
        var result = new StringBuilder(input.Length);
        var capNext = true;
        foreach (var c in input)
        {
            if (char.IsAsciiLetterLower(c))
            {
                result.Append(capNext ? char.ToUpperInvariant(c) : c);
                capNext = false;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                result.Append(c);
                capNext = false;
            }
            else if (char.IsAsciiDigit(c))
            {
                result.Append(c);
                capNext = true;
            }
            else
            {
                capNext = true;
            }
        }

        return result.ToString();
    }

    private void Add(DescriptorProto message, string protoPrefix, string csharpPrefix)
    {
        var protoName = protoPrefix + message.Name;
        var csharpName = csharpPrefix + message.Name;
        _names[protoName] = csharpName;
        foreach (var nested in message.NestedType)
        {
            Add(nested, protoName + ".", csharpName + ".Types.");
        }
    }
}
