using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Tasks.Storage;

namespace DanVan.Plugins.Tasks.Access;

/// <summary>
/// The acting officer with the roles the directory grants, and the plugin's access rules (issue 6,
/// point 6): a unit's officers see and report only their unit's assignments, the issuing unit (and
/// the report-to / report-via units) manage its tasks, Sở Nội vụ and the Party's dân vận board read
/// everything in the province. An officer with no roles reads nothing.
/// </summary>
internal sealed class Officer(string userId, string fullName, IReadOnlyList<RoleGrant> roles)
{
    public string UserId { get; } = userId;

    public string FullName { get; } = fullName;

    public IReadOnlyList<RoleGrant> Roles { get; } = roles;

    /// <summary>Sở Nội vụ's appraisers, the Party's dân vận officers and the provincial admin read every unit.</summary>
    public bool ReadsProvince => Roles.Any(r => r.Role is Role.HomeAffairsAppraiser or Role.PartyMobilizationOfficer or Role.ProvincialAdmin);

    /// <summary>An unknown user: no roles, reads nothing.</summary>
    public static Officer Nobody(string userId) => new(userId, string.Empty, []);

    public bool CanRead(string unitId) => ReadsProvince || Roles.Any(r => r.UnitId == unitId && r.Role != Role.Unspecified);

    /// <summary>Officers who work for the unit report its progress; viewers, clerks and province readers do not.</summary>
    public bool CanReport(string unitId) =>
        Roles.Any(r => r.UnitId == unitId && r.Role is Role.CommuneOfficer or Role.AgencyOfficer or Role.UnitLeader or Role.VillageLeader);

    public bool CanManage(TaskRecord task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return CanConfirm(task.IssuerUnitId, task.ReportToUnitId, task.ReportViaUnitId);
    }

    /// <summary>
    /// Who may turn a draft into tasks, and later accept reports and decide extensions: any working
    /// role (not a viewer) in the issuing, report-to or report-via unit, or a Sở Nội vụ appraiser.
    /// </summary>
    public bool CanConfirm(string? issuerUnitId, string? reportToUnitId, string? reportViaUnitId) =>
        Roles.Any(r => r.Role == Role.HomeAffairsAppraiser)
        || Roles.Any(r => r.Role is not (Role.Viewer or Role.Unspecified)
            && !string.IsNullOrEmpty(r.UnitId)
            && (r.UnitId == issuerUnitId || r.UnitId == reportToUnitId || r.UnitId == reportViaUnitId));

    /// <summary>The unit the officer works for in <paramref name="preferredUnitId"/> if they hold a role there, else their first unit.</summary>
    public string UnitFor(string? preferredUnitId) =>
        preferredUnitId is not null && Roles.Any(r => r.UnitId == preferredUnitId) ? preferredUnitId : Roles.FirstOrDefault()?.UnitId ?? string.Empty;
}
