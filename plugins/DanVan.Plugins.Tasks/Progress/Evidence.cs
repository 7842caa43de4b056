namespace DanVan.Plugins.Tasks.Progress;

/// <summary>One piece of evidence of a progress report (minh chứng); Title may be empty on input and is filled from the host.</summary>
internal sealed record Evidence(EvidenceKind Kind, string Reference, string Title);
