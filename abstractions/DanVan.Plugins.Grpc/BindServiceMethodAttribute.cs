using System.Diagnostics.CodeAnalysis;

namespace DanVan.Plugins.Grpc;

/// <summary>Put by generated code on a service base class: names the static method that binds its rpcs.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class BindServiceMethodAttribute(
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] Type bindType,
    string bindMethodName) : Attribute
{
    /// <summary>The generated static class that holds the bind method.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)]
    public Type BindType { get; } = bindType;

    /// <summary>The name of the bind method.</summary>
    public string BindMethodName { get; } = bindMethodName;
}
