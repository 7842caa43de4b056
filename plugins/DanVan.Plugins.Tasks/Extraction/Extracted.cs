namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// One extracted value with the span of the normalised text it came from and a confidence in 0..1
/// (1 = the text says it in a standard form; lower = inferred, for the officer to check).
/// </summary>
internal sealed record Extracted<T>(T Value, TextSpan Span, double Confidence);
