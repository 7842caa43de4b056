using System.Text;
using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Extraction.Resolution;

namespace DanVan.Plugins.Tasks.Tabs;

/// <summary>How a unit named in the draft is shown: the directory's name, dissolved with successors, or the text with a warning.</summary>
internal static class UnitLabel
{
    public const double LowConfidence = 0.7;

    public static void Append(StringBuilder html, ResolvedDraft resolved, Extracted<UnitMention> mention)
    {
        resolved.ByName.TryGetValue(UnitNames.Canonical(mention.Value.Name), out var r);
        var name = Capitalize(mention.Value.Name);
        var confidence = Math.Min(mention.Confidence, r?.Confidence ?? mention.Confidence);
        switch (r?.Status)
        {
            case UnitResolutionStatus.Resolved:
                html.Append("<span class=\"dv\" title=\"").Append(Html.Encode(name)).Append("\">").Append(Html.Encode(NameOf(r.Unit!, name))).Append("</span>");
                break;
            case UnitResolutionStatus.Dissolved:
                html.Append("<span class=\"dv giai-the\">").Append(Html.Encode(NameOf(r.Unit!, name))).Append(" — đã giải thể, kế thừa: ")
                    .Append(Html.Encode(r.Successors.Count == 0 ? "không có đơn vị kế thừa" : string.Join(", ", r.Successors.Select(s => NameOf(s, s.Id)))))
                    .Append("</span>");
                break;
            case UnitResolutionStatus.Group:
                html.Append("<span class=\"dv\">").Append(Html.Encode(name)).Append("</span> <span class=\"tc\">(nhóm đơn vị)</span>");
                break;
            case UnitResolutionStatus.Ambiguous:
                html.Append("<span class=\"dv canh-bao\">").Append(Html.Encode(name)).Append(" — chưa xác định, có thể là: ")
                    .Append(Html.Encode(string.Join("; ", r.Candidates.Take(3).Select(c => NameOf(c.OrgUnit, c.OrgUnit?.Id ?? string.Empty)))))
                    .Append("</span>");
                break;
            case UnitResolutionStatus.LookupFailed:
                html.Append("<span class=\"dv canh-bao\">").Append(Html.Encode(name)).Append(" — chưa tra được danh mục đơn vị</span>");
                break;
            default:
                html.Append("<span class=\"dv canh-bao\">").Append(Html.Encode(name)).Append(" — không tìm thấy trong danh mục đơn vị</span>");
                break;
        }

        Confidence(html, confidence);
    }

    /// <summary>The confidence, discreet when high, highlighted (and said to need checking) when low.</summary>
    public static void Confidence(StringBuilder html, double confidence)
    {
        html.Append(confidence < LowConfidence
            ? $" <span class=\"tc thap\">độ tin cậy thấp {Html.Percent(confidence)}, cần kiểm tra</span>"
            : $" <span class=\"tc\">({Html.Percent(confidence)})</span>");
    }

    // "các sở, ban, ngành tỉnh" starts a list entry here, not a sentence's middle.
    private static string Capitalize(string name) =>
        name.Length == 0 || char.IsUpper(name[0]) ? name : string.Concat(char.ToUpperInvariant(name[0]).ToString(), name.AsSpan(1));

    private static string NameOf(Contracts.Host.V1.OrgUnit? unit, string fallback) =>
        unit is null ? fallback : !string.IsNullOrEmpty(unit.FullName) ? unit.FullName : !string.IsNullOrEmpty(unit.ShortName) ? unit.ShortName : fallback;
}
