using DanVan.Plugins.Tasks.Access;
using DanVan.Plugins.Tasks.Extraction;

namespace DanVan.Plugins.Tasks.Review;

/// <summary>
/// Who may turn a document's draft into tasks, before any task exists: the rule of
/// <see cref="Officer.CanConfirm"/> applied to the document's issuer and to every report line the
/// draft names ("báo cáo UBND tỉnh (qua Sở Nội vụ)"), resolved to today's units.
/// </summary>
internal static class ReviewAccess
{
    public static bool CanConfirm(Officer officer, DocumentReview review)
    {
        var issuer = string.IsNullOrEmpty(review.Document.IssuerOrgUnitId) ? null : review.Document.IssuerOrgUnitId;
        if (officer.CanConfirm(issuer, null, null))
        {
            return true;
        }

        var draft = review.Resolved.Draft;
        return draft.AllItems().SelectMany(i => i.Reports).Concat(draft.Closing?.Reports ?? [])
            .Any(line => officer.CanConfirm(issuer, UnitId(review, line.ReportTo), UnitId(review, line.Via)));
    }

    private static string? UnitId(DocumentReview review, Extracted<UnitMention>? mention) =>
        mention is null ? null : review.Resolved.For(mention.Value).SuggestedUnit?.Id;
}
