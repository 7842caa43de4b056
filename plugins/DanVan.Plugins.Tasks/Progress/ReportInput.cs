namespace DanVan.Plugins.Tasks.Progress;

/// <summary>What a unit reports: what was done (text), how far (0–100 %), and the evidence.</summary>
internal sealed record ReportInput(string Text, int Percent, IReadOnlyList<Evidence> Evidence);
