namespace DanVan.Plugins.Data;

/// <summary>Who makes a change and why; every write takes one and the audit log keeps it.</summary>
public sealed class ChangeContext
{
    /// <summary>Creates the context of a change.</summary>
    /// <param name="userId">The officer's user id as the e-office asserts it.</param>
    /// <param name="unitId">The officer's org unit id.</param>
    /// <param name="reason">Why, in the officer's words; required by records with <see cref="RecordAttribute.ReasonRequired"/> for updates and deletes.</param>
    public ChangeContext(string userId, string unitId, string? reason = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(unitId);
        UserId = userId;
        UnitId = unitId;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason;
    }

    /// <summary>The acting user's id.</summary>
    public string UserId { get; }

    /// <summary>The acting user's unit id.</summary>
    public string UnitId { get; }

    /// <summary>Why the change is made, or null.</summary>
    public string? Reason { get; }

    /// <summary>A change made by the system itself (jobs, migrations of data).</summary>
    public static ChangeContext System(string? reason = null) => new("system", "", reason);
}
