using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Tasks.Extraction;

namespace DanVan.Plugins.Tasks.Review;

/// <summary>What the officer changed in one item of the draft before confirming; null fields were left as extracted.</summary>
internal sealed record ItemEdit(string ItemPath, string? Content, OrgUnit? Lead, IReadOnlyList<OrgUnit>? Cooperating, DueRule? Due);
