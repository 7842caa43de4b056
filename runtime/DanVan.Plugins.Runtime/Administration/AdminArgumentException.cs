namespace DanVan.Plugins.Runtime.Administration;

/// <summary>An admin request names something wrong; the admin API answers INVALID_ARGUMENT with a field violation on <see cref="Field"/>.</summary>
public sealed class AdminArgumentException(string field, string message, string messageVi) : Exception(message)
{
    /// <summary>The request field at fault, as the proto names it (e.g. <c>plugin_id</c>).</summary>
    public string Field { get; } = field;

    /// <summary>The explanation for provincial IT, in Vietnamese.</summary>
    public string MessageVi { get; } = messageVi;
}
