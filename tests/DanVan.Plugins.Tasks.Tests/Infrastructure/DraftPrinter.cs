using System.Globalization;
using System.Text;
using DanVan.Plugins.Tasks.Extraction;

namespace DanVan.Plugins.Tasks.Tests.Infrastructure;

/// <summary>
/// A plain-text rendering of a draft's values (no offsets), used to compare drafts of texts that
/// differ only in whitespace, and to read a draft when a test fails.
/// </summary>
internal static class DraftPrinter
{
    public static string Print(DirectiveDraft draft, bool withSpans = false)
    {
        var sb = new StringBuilder();
        var m = draft.Metadata;
        sb.AppendLine(CultureInfo.InvariantCulture, $"kind={m.Kind?.Value} number={m.Number?.Value} issuer={m.Issuer?.Value} place={m.Place?.Value} date={m.IssueDate?.Value} subject={m.Subject?.Value}");
        foreach (var a in draft.Addressees)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"addressee[{a.Source}] {Unit(draft, a.Unit, withSpans)} ({a.Purpose.Value})");
        }

        foreach (var r in draft.Recipients)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"recipient[{r.Source}] {Unit(draft, r.Unit, withSpans)} ({r.Purpose.Value})");
        }

        foreach (var item in draft.AllItems().Concat(draft.Closing is null ? [] : [draft.Closing]))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{new string(' ', item.Level * 2)}[{item.Kind}] {item.Path} '{item.Label}' {Short(item.Text.Value)}");
            if (item.Lead is { } lead)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"    lead: {Unit(draft, lead, withSpans)}");
            }

            foreach (var c in item.Cooperating)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"    coop: {Unit(draft, c, withSpans)}");
            }

            foreach (var a in item.Assignees)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"    assignee: {Unit(draft, a, withSpans)}");
            }

            foreach (var r in item.Reports)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"    report: to={r.ReportTo?.Value.Name} via={r.Via?.Value.Name} up={r.Upstream?.Value.Name} due={r.Due?.Value.Describe()}");
            }

            foreach (var d in item.Deadlines)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"    due: {d.Value} «{(withSpans ? d.Span.Of(draft.Text) : string.Empty)}» {d.Confidence}");
            }
        }

        foreach (var msg in draft.Messages)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"message {msg.Code}: {msg.Text}");
        }

        return sb.ToString();
    }

    private static string Unit(DirectiveDraft draft, Extracted<UnitMention> u, bool withSpans) =>
        withSpans ? $"{u.Value.Name} [{u.Value.Group}] «{u.Span.Of(draft.Text)}»" : $"{u.Value.Name} [{u.Value.Group}]";

    private static string Short(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
