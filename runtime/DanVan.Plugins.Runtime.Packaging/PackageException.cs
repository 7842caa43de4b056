namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>Thrown when a package, a trust store or an extraction is refused; carries every reason found.</summary>
public sealed class PackageException : Exception
{
    /// <summary>Creates the exception from the errors found; <paramref name="subject"/> is the package or file path.</summary>
    public PackageException(string? subject, IReadOnlyList<PackageError> errors)
        : base(BuildMessage(subject, errors))
    {
        Subject = subject;
        Errors = errors;
    }

    /// <summary>The package or file the errors are about.</summary>
    public string? Subject { get; }

    /// <summary>Every reason found (at least one).</summary>
    public IReadOnlyList<PackageError> Errors { get; }

    /// <summary>The errors in Vietnamese, one a line, for showing to provincial IT.</summary>
    public string MessageVi => string.Join(Environment.NewLine, Errors.Select(e => e.MessageVi));

    private static string BuildMessage(string? subject, IReadOnlyList<PackageError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one error is needed.", nameof(errors));
        }

        var head = subject is null ? "Refused" : $"{subject} refused";
        return $"{head}: " + string.Join(" ", errors.Select(e => $"[{e.Code}] {e.Message}"));
    }
}
