using System.Diagnostics;

namespace DanVan.Plugins.Grpc;

/// <summary>The outcome of a call: a status code and a human-readable detail.</summary>
[DebuggerDisplay("{StatusCode}: {Detail}")]
public readonly struct Status : IEquatable<Status>
{
    /// <summary>The successful status.</summary>
    public static readonly Status DefaultSuccess = new(StatusCode.OK, "");

    /// <summary>The status of a call cancelled by the caller.</summary>
    public static readonly Status DefaultCancelled = new(StatusCode.Cancelled, "");

    /// <summary>Creates a status.</summary>
    public Status(StatusCode statusCode, string detail, Exception? debugException = null)
    {
        StatusCode = statusCode;
        _detail = detail;
        DebugException = debugException;
    }

    private readonly string? _detail;

    /// <summary>The status code.</summary>
    public StatusCode StatusCode { get; }

    /// <summary>The detail sent in <c>grpc-message</c>; empty when there is none.</summary>
    public string Detail => _detail ?? "";

    /// <summary>The exception behind the status, for local diagnostics only; never sent on the wire.</summary>
    public Exception? DebugException { get; }

    /// <inheritdoc />
    public bool Equals(Status other) => StatusCode == other.StatusCode && Detail == other.Detail;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Status other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StatusCode, Detail);

    /// <inheritdoc />
    public override string ToString() =>
        DebugException is null
            ? $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\")"
            : $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\", DebugException=\"{DebugException.GetType()}: {DebugException.Message}\")";

    /// <summary>Compares two statuses by code and detail.</summary>
    public static bool operator ==(Status left, Status right) => left.Equals(right);

    /// <summary>Compares two statuses by code and detail.</summary>
    public static bool operator !=(Status left, Status right) => !left.Equals(right);
}
