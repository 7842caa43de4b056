using DanVan.Plugins.Grpc.Server;
using Google.Protobuf.Reflection;

namespace DanVan.Plugins.Grpc.Reflection;

/// <summary>Every proto file reachable from the mapped services, indexed by file name and by symbol.</summary>
internal sealed class ReflectionIndex
{
    private readonly Dictionary<string, FileDescriptor> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> _symbols = new(StringComparer.Ordinal);

    public ReflectionIndex(IEnumerable<string> serviceNames, IEnumerable<ServiceDescriptor> services)
    {
        ServiceNames = serviceNames.OrderBy(n => n, StringComparer.Ordinal).ToList();
        foreach (var service in services)
        {
            AddFile(service.File);
        }
    }

    public IReadOnlyList<string> ServiceNames { get; }

    /// <summary>The index of what the server routes right now.</summary>
    public static ReflectionIndex Of(GrpcEndpointDataSource dataSource)
    {
        var services = dataSource.Services;
        return new ReflectionIndex(services.Select(s => s.ServiceName), services.Where(s => s.Descriptor is not null).Select(s => s.Descriptor!));
    }

    public FileDescriptor? FindFile(string name) => _files.GetValueOrDefault(name);

    public FileDescriptor? FindSymbol(string symbol) => _symbols.GetValueOrDefault(symbol);

    public bool IsMessage(string symbol) => _symbols.ContainsKey(symbol) && _symbols[symbol].MessageTypes.Count > 0;

    /// <summary>The file and everything it imports, the file first, each once.</summary>
    public static List<FileDescriptor> WithDependencies(FileDescriptor file)
    {
        var result = new List<FileDescriptor>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<FileDescriptor>();
        pending.Push(file);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (!seen.Add(next.Name))
            {
                continue;
            }

            result.Add(next);
            foreach (var dependency in next.Dependencies)
            {
                pending.Push(dependency);
            }
        }

        return result;
    }

    private void AddFile(FileDescriptor file)
    {
        if (!_files.TryAdd(file.Name, file))
        {
            return;
        }

        foreach (var service in file.Services)
        {
            _symbols[service.FullName] = file;
            foreach (var method in service.Methods)
            {
                _symbols[method.FullName] = file;
            }
        }

        foreach (var message in file.MessageTypes)
        {
            AddMessage(message, file);
        }

        foreach (var enumType in file.EnumTypes)
        {
            _symbols[enumType.FullName] = file;
        }

        foreach (var dependency in file.Dependencies)
        {
            AddFile(dependency);
        }
    }

    private void AddMessage(MessageDescriptor message, FileDescriptor file)
    {
        _symbols[message.FullName] = file;
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            _symbols[field.FullName] = file;
        }

        foreach (var nested in message.NestedTypes)
        {
            AddMessage(nested, file);
        }

        foreach (var enumType in message.EnumTypes)
        {
            _symbols[enumType.FullName] = file;
        }
    }
}
