using DanVan.Plugins.Contracts.Host.V1;

namespace DanVan.Plugins.Tasks.Access;

/// <summary>One role an officer holds in one unit, as the e-office's directory grants it.</summary>
internal sealed record RoleGrant(Role Role, string UnitId);
