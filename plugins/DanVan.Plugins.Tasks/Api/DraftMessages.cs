using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Extraction.Resolution;
using DanVan.Plugins.Tasks.Review;
using V1 = DanVan.Plugins.Contracts.Tasks.V1;

namespace DanVan.Plugins.Tasks.Api;

/// <summary>A reviewed draft as danvan.tasks.v1 messages: items depth first with parent paths, spans in code points.</summary>
internal sealed class DraftMessages(ResolvedDraft resolved)
{
    private readonly CodePointIndex index = new(resolved.Draft.Text);

    public static V1.DocumentDraft Of(DocumentReview review, IReadOnlySet<string> created)
    {
        var draft = review.Resolved.Draft;
        var map = new DraftMessages(review.Resolved);
        var message = new V1.DocumentDraft
        {
            DocumentId = review.Document.Id,
            DocumentTitle = Tabs.ReviewPage.DocumentLine(review.Document, draft, withIssuerAndSubject: false),
            Text = draft.Text,
            Fingerprint = review.Fingerprint,
        };
        message.Addressees.AddRange(draft.Addressees.Select(a => map.Unit(a.Unit)));
        foreach (var item in draft.Items)
        {
            map.AddItem(message, item, parentPath: string.Empty, created);
        }

        if (draft.Closing is { } closing)
        {
            message.ClosingReports.AddRange(closing.Reports.Select(map.Report));
            message.ClosingDeadlines.AddRange(closing.Deadlines.Select(map.Deadline));
        }

        message.Messages.AddRange(draft.Messages.Select(m => m.Text));
        return message;
    }

    public static V1.DueRule Rule(DueRule rule) => new()
    {
        Kind = rule.Kind switch
        {
            DueRuleKind.OneOff => V1.DueRuleKind.OneOff,
            DueRuleKind.Yearly => V1.DueRuleKind.Yearly,
            DueRuleKind.SemiAnnual => V1.DueRuleKind.SemiAnnual,
            DueRuleKind.Quarterly => V1.DueRuleKind.Quarterly,
            DueRuleKind.Monthly => V1.DueRuleKind.Monthly,
            DueRuleKind.Weekly => V1.DueRuleKind.Weekly,
            _ => V1.DueRuleKind.Periodic,
        },
        Day = rule.Day ?? 0,
        Month = rule.Month ?? 0,
        Year = rule.Year ?? 0,
        PeriodMonth = rule.PeriodMonth ?? 0,
        Description = rule.Describe(),
    };

    private void AddItem(V1.DocumentDraft message, DraftItem item, string parentPath, IReadOnlySet<string> created)
    {
        var m = new V1.DraftItem
        {
            Path = item.Path,
            ParentPath = parentPath,
            Level = item.Level,
            Kind = Kind(item.Kind),
            Label = item.Label,
            Text = item.Text.Value,
            Span = Span(item.Text.Span),
            Lead = item.Lead is null ? null : Unit(item.Lead),
            TaskCreated = created.Contains(item.Path),
        };
        m.Cooperating.AddRange(item.Cooperating.Select(Unit));
        m.Assignees.AddRange(item.Assignees.Select(Unit));
        m.Reports.AddRange(item.Reports.Select(Report));
        m.Deadlines.AddRange(item.Deadlines.Select(Deadline));
        message.Items.Add(m);
        foreach (var child in item.Children)
        {
            AddItem(message, child, item.Path, created);
        }
    }

    private V1.UnitMention Unit(Extracted<UnitMention> mention)
    {
        var m = new V1.UnitMention
        {
            Name = mention.Value.Name,
            Span = Span(mention.Span),
            Confidence = mention.Confidence,
            Resolution = V1.UnitResolutionStatus.Unresolved,
        };
        if (resolved.ByName.TryGetValue(UnitNames.Canonical(mention.Value.Name), out var r))
        {
            m.Resolution = r.Status switch
            {
                UnitResolutionStatus.Resolved => V1.UnitResolutionStatus.Resolved,
                UnitResolutionStatus.Dissolved => V1.UnitResolutionStatus.Dissolved,
                UnitResolutionStatus.Ambiguous => V1.UnitResolutionStatus.Ambiguous,
                UnitResolutionStatus.Group => V1.UnitResolutionStatus.Group,
                UnitResolutionStatus.LookupFailed => V1.UnitResolutionStatus.LookupFailed,
                _ => V1.UnitResolutionStatus.Unresolved,
            };
            m.UnitId = r.Unit?.Id ?? string.Empty;
            m.SuggestedUnitId = r.SuggestedUnit?.Id ?? string.Empty;
            m.SuggestedUnitName = r.SuggestedUnit?.FullName ?? string.Empty;
            m.SuccessorUnitIds.AddRange(r.Successors.Select(u => u.Id));
            m.CandidateUnitIds.AddRange(r.Candidates.Where(c => c.OrgUnit is not null).Select(c => c.OrgUnit.Id));
            m.ResolutionConfidence = r.Confidence;
        }

        return m;
    }

    private V1.ReportLine Report(ReportLine line) => new()
    {
        ReportTo = line.ReportTo is null ? null : Unit(line.ReportTo),
        Via = line.Via is null ? null : Unit(line.Via),
        Span = Span(line.Span),
        Due = line.Due is null ? null : Deadline(line.Due),
    };

    private V1.ExtractedDueRule Deadline(Extracted<DueRule> due) => new() { Rule = Rule(due.Value), Span = Span(due.Span), Confidence = due.Confidence };

    private V1.TextSpan Span(TextSpan span)
    {
        var start = index.At(span.Start);
        return new V1.TextSpan { Start = start, Length = index.At(span.End) - start };
    }

    private static V1.DraftItemKind Kind(DraftItemKind kind) => kind switch
    {
        DraftItemKind.Section => V1.DraftItemKind.Section,
        DraftItemKind.Numbered => V1.DraftItemKind.Numbered,
        DraftItemKind.SubNumbered => V1.DraftItemKind.SubNumbered,
        DraftItemKind.Lettered => V1.DraftItemKind.Lettered,
        DraftItemKind.Dash => V1.DraftItemKind.Dash,
        DraftItemKind.Plus => V1.DraftItemKind.Plus,
        DraftItemKind.Bullet => V1.DraftItemKind.Bullet,
        _ => V1.DraftItemKind.Unspecified,
    };
}
